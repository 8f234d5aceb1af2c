/**
 * The notice shown when the page's character budget is reached (utils/content/send-budget.ts): what happened
 * and the one thing to do about it. Its own closed shadow root on a <duet-ui> host outside <body>, above the
 * progress pill, so the pill's texts and layout stay as they are.
 */
import { t, tn, uiDirection, uiLocale } from '../i18n/t';
import { createUiHost } from './ui-host';

const CSS = `
:host { all: initial; }
.notice {
  position: fixed; z-index: 2147483647; inset-block-end: 60px; inset-inline-end: 16px; max-width: min(360px, calc(100vw - 32px));
  display: flex; align-items: center; gap: 8px; padding: 8px 10px 8px 14px; border-radius: 12px; box-sizing: border-box;
  font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328;
  background: rgba(255, 248, 225, .98); box-shadow: 0 2px 10px rgba(0, 0, 0, .18), 0 0 0 1px rgba(0, 0, 0, .08);
}
button { font: inherit; cursor: pointer; border: 0; border-radius: 999px; padding: 4px 10px; background: #0b57d0; color: #fff; }
button.close { background: transparent; color: inherit; padding: 4px 6px; }
`;

export interface BudgetNotice {
  destroy(): void;
}

/** Shows "Paused after N characters" with Continue; Continue calls `onContinue` and removes the notice. */
export function showBudgetNotice(doc: Document, spentChars: number, onContinue: () => void): BudgetNotice {
  const { host, root, remove } = createUiHost(doc);
  const style = doc.createElement('style');
  style.textContent = CSS;
  const box = doc.createElement('div');
  box.className = 'notice';
  box.lang = uiLocale();
  box.dir = uiDirection();
  box.setAttribute('role', 'alert');
  const text = doc.createElement('span');
  text.textContent = tn('budget_paused', spentChars);
  const go = doc.createElement('button');
  go.type = 'button';
  go.textContent = t('budget_continue');
  const close = doc.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.textContent = '×';
  close.setAttribute('aria-label', t('notice_hide'));
  const destroy = remove;
  go.addEventListener('click', () => {
    destroy();
    onContinue();
  });
  close.addEventListener('click', destroy);
  box.append(text, go, close);
  root.append(style, box);
  doc.documentElement.append(host);
  return { destroy };
}
