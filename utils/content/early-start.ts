import type { StartPageResponse } from '../messaging/protocol';
import { sendToBackground } from '../messaging/send';

/**
 * The content script's first message (`startPage`: settings and page memory), sent by a tiny script
 * at document_start (entrypoints/wake.content) and picked up by the main script at document_end.
 * The background's answer — and a sleeping service worker's start-up, which opens the cache — then
 * happen while the page is still being parsed, instead of after the main script has been compiled.
 *
 * Content scripts of one extension share one world per frame, so the pending answer is handed over
 * on that world's global object, under a registry symbol (invisible to the page's own scripts).
 */
const KEY = Symbol.for('duet.startPage');

type WithStart = { [KEY]?: Promise<StartPageResponse> };

/** Sends `startPage` now; the answer waits for `takeStartPage`. A failure is the taker's to report. */
export function sendStartPageEarly(global: object = globalThis): void {
  const pending = sendToBackground({ type: 'startPage' });
  pending.catch(() => {}); // not unhandled if the main script never comes (it reports its own failure)
  (global as WithStart)[KEY] = pending;
}

/** The answer to the early `startPage` (once), or a fresh request when there was none. */
export function takeStartPage(global: object = globalThis): Promise<StartPageResponse> {
  const g = global as WithStart;
  const pending = g[KEY];
  delete g[KEY];
  return pending ?? sendToBackground({ type: 'startPage' });
}
