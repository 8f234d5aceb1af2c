/** CSS of the progress pill, scoped by its shadow root (page CSS cannot reach in, ours cannot leak out). */
export const PILL_CSS = `
:host { all: initial; }
.pill {
  position: fixed; z-index: 2147483647; inset-block-end: 16px; inset-inline-end: 16px;
  display: flex; align-items: center; gap: 8px; max-width: calc(100vw - 32px); box-sizing: border-box;
  padding: 6px 8px 6px 14px; border-radius: 999px; overflow: hidden;
  font: 13px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328;
  background: rgba(255, 255, 255, .96); box-shadow: 0 2px 10px rgba(0, 0, 0, .18), 0 0 0 1px rgba(0, 0, 0, .06);
}
.pill[hidden] { display: none; }
.pill.folded { padding: 0; background: transparent; box-shadow: none; overflow: visible; }
.body { display: contents; }
.body[hidden] { display: none; }
.fold {
  width: 36px; height: 36px; padding: 0; border-radius: 50%; display: grid; place-items: center;
  font-size: 11px; letter-spacing: .02em; color: #0b57d0; background: rgba(255, 255, 255, .96);
  box-shadow: 0 2px 10px rgba(0, 0, 0, .18), 0 0 0 1px rgba(0, 0, 0, .06);
}
.fold:hover { background: #eef3fd; }
.pill.failed .text { color: #b3261e; font-weight: 600; }
.text { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
button {
  all: unset; cursor: pointer; white-space: nowrap; padding: 3px 10px; border-radius: 999px;
  font: inherit; font-weight: 600; color: #0b57d0; background: rgba(11, 87, 208, .08);
}
button:hover { background: rgba(11, 87, 208, .16); }
button:focus-visible { outline: 2px solid #0b57d0; outline-offset: 1px; }
button[hidden] { display: none; }
.close { padding: 3px 7px; color: #57606a; background: transparent; font-weight: 400; }
.bar { position: absolute; inset-inline: 0; inset-block-end: 0; height: 2px; }
.bar > div { height: 100%; width: 0; background: #0b57d0; transition: width .3s ease; }
@media (prefers-reduced-motion: reduce) { .bar > div { transition: none; } }
@media (prefers-color-scheme: dark) {
  .pill { color: #e6edf3; background: rgba(36, 41, 47, .96); }
  button { color: #8ab4f8; background: rgba(138, 180, 248, .12); }
  .close { color: #9da7b3; background: transparent; }
  .fold { color: #8ab4f8; background: rgba(36, 41, 47, .96); }
  .fold:hover { background: rgba(52, 58, 66, .98); }
  .pill.failed .text { color: #f2b8b5; }
  .bar > div { background: #8ab4f8; }
}
`;
