/**
 * Timestamps of the steps of the first translation. Kept in the content script; written into the
 * page's performance timeline (which the page's scripts can read) only when the developer setting
 * `debugMarks` is on — then they show in DevTools' Performance panel, at the times they happened.
 */
export type Step = 'start' | 'settings' | 'analysed' | 'requested' | 'first-result';

const at = new Map<Step, number>();
let visible = false;

/** Notes `step` the first time it happens on this page. */
export function mark(step: Step): void {
  if (at.has(step)) return;
  const now = performance.now();
  at.set(step, now);
  if (visible) write(step, now);
}

/** Turns page-visible marks on (debug setting): the steps noted so far are written with their own times. */
export function showMarks(on: boolean): void {
  if (visible === on) return;
  visible = on;
  if (on) for (const [step, time] of at) write(step, time);
}

/** When each step happened (ms since navigation start), for tests and diagnostics inside Duet. */
export function stepTimes(): ReadonlyMap<Step, number> {
  return at;
}

function write(step: Step, startTime: number): void {
  try {
    performance.mark(`duet:${step}`, { startTime });
  } catch {
    // Marks are a diagnostic: never let them break a translation.
  }
}
