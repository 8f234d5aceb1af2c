/**
 * Performance marks at the steps of the first translation, visible in DevTools' Performance panel
 * and read by `npm run bench` to tell Duet's own time from the provider's. Marks cost microseconds.
 */
export type Step = 'start' | 'settings' | 'analysed' | 'requested' | 'first-result';

const done = new Set<Step>();

/** Marks `step` the first time it happens on this page. */
export function mark(step: Step): void {
  if (done.has(step)) return;
  done.add(step);
  try {
    performance.mark(`duet:${step}`);
  } catch {
    // Marks are a diagnostic: never let them break a translation.
  }
}
