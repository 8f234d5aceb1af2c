import { describe, expect, it } from 'vitest';
import { ServiceHealth } from '../health';
import { TranslateError } from '../types';

/** A clock the test moves by hand. */
function clock() {
  const c = { now: 0, advance: (ms: number) => (c.now += ms) };
  return c;
}
const server = () => new TranslateError('server', 'Google Translate had a server error (HTTP 503).', { status: 503 });
const blocked = () => new TranslateError('blocked', 'Google Translate is refusing requests from this network right now (HTTP 429).', { status: 429 });

describe('circuit breaker', () => {
  it('opens after consecutive failures, lets one probe through after the cool-down, closes on its success', () => {
    const c = clock();
    const health = new ServiceHealth({ now: () => c.now, failureThreshold: 3, openMs: 30_000 });
    health.failed('google', server());
    health.failed('google', server());
    expect(health.tryAcquire('google')).toBe(true);
    health.failed('google', server());
    expect(health.snapshot('google')).toMatchObject({ state: 'open', consecutiveFailures: 3, retryAt: 30_000, kind: 'server' });
    expect(health.tryAcquire('google')).toBe(false);
    c.advance(30_000);
    expect(health.tryAcquire('google'), 'the probe').toBe(true);
    expect(health.tryAcquire('google'), 'only one probe at a time').toBe(false);
    health.succeeded('google');
    expect(health.snapshot('google')).toEqual({ state: 'closed', consecutiveFailures: 0 });
    expect(health.tryAcquire('google')).toBe(true);
  });

  it('opens at once when the service refuses us, and doubles the cool-down after a failed probe', () => {
    const c = clock();
    const health = new ServiceHealth({ now: () => c.now, refusedOpenMs: 120_000, openMs: 30_000, maxOpenMs: 600_000 });
    health.failed('google', blocked());
    expect(health.snapshot('google')).toMatchObject({ state: 'open', retryAt: 120_000, reason: expect.stringMatching(/refusing/) });
    c.advance(120_000);
    expect(health.tryAcquire('google')).toBe(true);
    health.failed('google', blocked());
    expect(health.snapshot('google').retryAt).toBe(120_000 + 240_000);
  });

  it("a 429's (capped) wait is exactly the cool-down; the reader's Retry forgives at once", () => {
    const c = clock();
    const health = new ServiceHealth({ now: () => c.now });
    health.failed('google', new TranslateError('rate-limit', 'Google Translate asks Duet to wait.', { retryAfterMs: 60_000 }));
    expect(health.snapshot('google')).toMatchObject({ state: 'open', retryAt: 60_000 });
    health.forgive('google');
    expect(health.tryAcquire('google')).toBe(true);
  });

  it('ignores cancellations and per-pair refusals; an abandoned probe frees the slot for the next', () => {
    const c = clock();
    const health = new ServiceHealth({ now: () => c.now, failureThreshold: 1 });
    health.failed('microsoft', new TranslateError('aborted', 'x'));
    health.failed('microsoft', new TranslateError('unsupported', 'x'));
    expect(health.snapshot('microsoft').state).toBe('closed');
    health.failed('microsoft', server());
    c.advance(30_000);
    expect(health.tryAcquire('microsoft')).toBe(true);
    health.abandoned('microsoft');
    expect(health.tryAcquire('microsoft')).toBe(true);
  });
});
