import { abortedError } from './retry';

/**
 * Admission control for one provider, shared by every tab: at most `concurrency` requests in flight,
 * starts limited to `requestsPerSecond` on average by a token bucket that holds up to `concurrency`
 * tokens (so the first screen's requests can start together, while a long run is still paced), and a
 * provider-wide pause after a 429 so all callers back off together instead of each discovering the
 * limit alone.
 * Uses the global setTimeout/Date.now at call time, so vi.useFakeTimers drives it.
 */
export interface LimiterLimits {
  requestsPerSecond: number;
  concurrency: number;
}

interface Waiter {
  resolve: (release: () => void) => void;
  reject: (error: unknown) => void;
  signal: AbortSignal;
  onAbort: () => void;
}

export class RequestLimiter {
  private active = 0;
  private readonly waiting: Waiter[] = [];
  /** Start tokens available at `refilledAt`; one is spent per start. */
  private tokens: number;
  private refilledAt = Date.now();
  private pausedUntil = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly limits: LimiterLimits) {
    this.tokens = this.burst;
  }

  private get burst(): number {
    return Math.max(1, this.limits.concurrency);
  }

  private get rate(): number {
    return Math.max(0.001, this.limits.requestsPerSecond) / 1000; // tokens per ms
  }

  /** Tops the bucket up for the time passed since the last refill. */
  private refill(now: number): void {
    this.tokens = Math.min(this.burst, this.tokens + (now - this.refilledAt) * this.rate);
    this.refilledAt = now;
  }

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves with a release function once a request may start; rejects with 'aborted' if `signal` aborts first. */
  acquire(signal: AbortSignal): Promise<() => void> {
    if (signal.aborted) return Promise.reject(abortedError(signal.reason));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.waiting.indexOf(waiter);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(abortedError(signal.reason));
        },
      };
      signal.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiting.push(waiter);
      this.pump();
    });
  }

  /** True when `n` more requests could start at once, now: nothing waiting, slots and start tokens free. */
  canStartNow(n: number): boolean {
    const now = Date.now();
    this.refill(now);
    return now >= this.pausedUntil && this.waiting.length === 0 && this.active + n <= this.burst && this.tokens >= n;
  }

  /** Holds back every start for `ms` (e.g. after a 429 with Retry-After). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
  }

  private pump(): void {
    while (this.waiting.length > 0 && this.active < Math.max(1, this.limits.concurrency)) {
      const now = Date.now();
      this.refill(now);
      if (now < this.pausedUntil) {
        this.schedule(this.pausedUntil - now);
        return;
      }
      if (this.tokens < 1) {
        this.schedule(Math.ceil((1 - this.tokens) / this.rate));
        return;
      }
      const waiter = this.waiting.shift()!;
      waiter.signal.removeEventListener('abort', waiter.onAbort);
      this.active += 1;
      this.tokens -= 1;
      let released = false;
      waiter.resolve(() => {
        if (released) return;
        released = true;
        this.active -= 1;
        this.pump();
      });
    }
  }

  private schedule(ms: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, ms);
  }
}
