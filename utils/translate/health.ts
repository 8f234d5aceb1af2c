import { TranslateError, type ServiceId, type TranslateErrorKind } from './types';

/**
 * Per-service health and a circuit breaker (one instance, made by the composition root, shared by all
 * tabs). A service that keeps failing, or that says it refuses us (a CAPTCHA page, 403 from a keyless
 * endpoint, a moved endpoint), is "open": no request goes to it until its cool-down ends; then one
 * probe request is let through ("half-open"): success closes it, failure opens it again for longer.
 * The reader's Retry forgives at once, so a healed service is used again without a reload.
 * Uses the global clock (Date.now) unless given one, so vi.useFakeTimers drives it.
 */
export type BreakerState = 'closed' | 'open' | 'half-open';

export interface HealthSnapshot {
  state: BreakerState;
  consecutiveFailures: number;
  /** The last failure's reader-facing message, until a success. */
  reason?: string;
  /** The last failure's kind, until a success. */
  kind?: TranslateErrorKind;
  /** Epoch ms when an open breaker lets a probe through. */
  retryAt?: number;
}

export interface BreakerOptions {
  /** Consecutive service failures (5xx, network, timeouts, unreadable answers) that open the breaker. */
  failureThreshold: number;
  /** First cool-down after opening; doubles for each failed probe up to `maxOpenMs`. */
  openMs: number;
  maxOpenMs: number;
  /** Cool-down when the service refuses us outright ('blocked', auth, quota): such states last. */
  refusedOpenMs: number;
  now: () => number;
}

export const DEFAULT_BREAKER: BreakerOptions = {
  failureThreshold: 3,
  openMs: 30_000,
  maxOpenMs: 10 * 60_000,
  refusedOpenMs: 2 * 60_000,
  now: () => Date.now(),
};

/** Failures that say something about the service (not about one text, nor that nobody needs it). */
export function isServiceFailure(error: unknown): error is TranslateError {
  return error instanceof TranslateError && error.kind !== 'aborted' && error.kind !== 'unsupported';
}

/** Failures that will not go away by retrying soon: open at once. */
const REFUSALS: ReadonlySet<TranslateErrorKind> = new Set(['blocked', 'auth', 'quota']);

interface Record_ {
  state: BreakerState;
  failures: number;
  /** Cool-downs in a row without a success (for the doubling). */
  opens: number;
  openUntil: number;
  probing: boolean;
  reason?: string;
  kind?: TranslateErrorKind;
}

export class ServiceHealth {
  private readonly records = new Map<ServiceId, Record_>();
  private readonly options: BreakerOptions;
  private readonly listeners = new Set<(id: ServiceId) => void>();

  constructor(options: Partial<BreakerOptions> = {}) {
    this.options = { ...DEFAULT_BREAKER, ...options };
  }

  private record(id: ServiceId): Record_ {
    let r = this.records.get(id);
    if (!r) {
      r = { state: 'closed', failures: 0, opens: 0, openUntil: 0, probing: false };
      this.records.set(id, r);
    }
    return r;
  }

  /** Called after any change of a service's health (the options page and popup read it). */
  onChange(listener: (id: ServiceId) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(id: ServiceId): void {
    for (const listener of this.listeners) listener(id);
  }

  /**
   * Whether a request may go to `id` now. An open breaker past its cool-down lets exactly one caller
   * through as the probe (the others keep using the next service) until the probe settles.
   */
  tryAcquire(id: ServiceId): boolean {
    const r = this.record(id);
    if (r.state === 'closed') return true;
    if (r.state === 'open') {
      if (this.options.now() < r.openUntil) return false;
      r.state = 'half-open';
      r.probing = false;
    }
    if (r.probing) return false;
    r.probing = true;
    return true;
  }

  /** Whether `id` would take a request now, without claiming the probe. */
  isAvailable(id: ServiceId): boolean {
    const r = this.record(id);
    if (r.state === 'closed') return true;
    if (r.state === 'open') return this.options.now() >= r.openUntil;
    return !r.probing;
  }

  succeeded(id: ServiceId): void {
    const r = this.record(id);
    const wasHealthy = r.state === 'closed' && r.failures === 0 && r.reason === undefined;
    Object.assign(r, { state: 'closed', failures: 0, opens: 0, openUntil: 0, probing: false });
    delete r.reason;
    delete r.kind;
    if (!wasHealthy) this.changed(id);
  }

  /** A request that nobody needed any more: a probe that ends so says nothing; let the next one probe. */
  abandoned(id: ServiceId): void {
    this.record(id).probing = false;
  }

  failed(id: ServiceId, error: unknown): void {
    if (!isServiceFailure(error)) {
      this.abandoned(id);
      return;
    }
    const r = this.record(id);
    const now = this.options.now();
    r.failures += 1;
    r.reason = error.message;
    r.kind = error.kind;
    const wait = error.options.retryAfterMs;
    const refused = REFUSALS.has(error.kind);
    const probeFailed = r.state === 'half-open';
    if (refused || probeFailed || r.failures >= this.options.failureThreshold || (error.kind === 'rate-limit' && wait !== undefined)) {
      const base = refused ? this.options.refusedOpenMs : this.options.openMs;
      let cooldown = Math.min(this.options.maxOpenMs, base * 2 ** r.opens);
      // A service that names its wait gets exactly that (already capped by the queue's retry policy).
      if (error.kind === 'rate-limit' && wait !== undefined && !probeFailed) cooldown = wait;
      r.opens += 1;
      r.state = 'open';
      r.openUntil = now + cooldown;
    }
    r.probing = false;
    this.changed(id);
  }

  /** The reader asked again (Retry): let the next request through at once, as a probe. */
  forgive(id: ServiceId): void {
    const r = this.record(id);
    if (r.state === 'open') {
      r.state = 'half-open';
      r.probing = false;
      r.openUntil = 0;
    }
  }

  snapshot(id: ServiceId): HealthSnapshot {
    const r = this.record(id);
    const state = r.state === 'open' && this.options.now() >= r.openUntil ? 'half-open' : r.state;
    return {
      state,
      consecutiveFailures: r.failures,
      ...(r.reason === undefined ? {} : { reason: r.reason }),
      ...(r.kind === undefined ? {} : { kind: r.kind }),
      ...(r.state === 'open' ? { retryAt: r.openUntil } : {}),
    };
  }
}
