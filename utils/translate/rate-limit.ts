import { abortedError } from './retry';

/**
 * Admission control for one provider, shared by every tab: at most `concurrency` requests in flight,
 * starts limited to `requestsPerSecond` on average by a token bucket that holds up to `concurrency`
 * tokens (so the first screen's requests can start together, while a long run is still paced), and a
 * provider-wide pause after a 429 so all callers back off together instead of each discovering the
 * limit alone.
 *
 * Fair between tabs: every waiter belongs to a lane (a tab); a free slot goes to an urgent lane (the
 * active tab) first, then to the waiting lane that started the fewest requests lately (`FAIR_WINDOW_MS`),
 * ties round-robin. A tab that queued thirty requests therefore waits behind a newly opened tab's first
 * screen instead of the new tab waiting behind all thirty.
 * Uses the global setTimeout/Date.now at call time, so vi.useFakeTimers drives it.
 */
export interface LimiterLimits {
  requestsPerSecond: number;
  concurrency: number;
}

export interface LimiterOptions {
  /** Lanes served before the others (the active tab); default: none. */
  isUrgent?: (lane: string) => boolean;
}

export interface AcquireOptions {
  /** Who asks (a tab); waiters without a lane share one. */
  lane?: string;
}

interface Waiter {
  lane: string;
  resolve: (release: () => void) => void;
  reject: (error: unknown) => void;
  signal: AbortSignal;
  onAbort: () => void;
}

const DEFAULT_LANE = '';
/** How far back a lane's starts count against it. */
export const FAIR_WINDOW_MS = 10_000;

export class RequestLimiter {
  private active = 0;
  /** Waiters by lane; the Map's order is the round-robin order (a served lane goes to the back). */
  private readonly lanes = new Map<string, Waiter[]>();
  private waitingCount = 0;
  /** Start times per lane within FAIR_WINDOW_MS (oldest first). */
  private readonly starts = new Map<string, number[]>();
  /** Start tokens available at `refilledAt`; one is spent per start. */
  private tokens: number;
  private refilledAt = Date.now();
  private pausedUntil = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly limits: LimiterLimits,
    private readonly options: LimiterOptions = {},
  ) {
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
    return this.waitingCount;
  }

  /** Ms until a paused limiter starts again (0 when not paused). */
  pausedFor(): number {
    return Math.max(0, this.pausedUntil - Date.now());
  }

  /** Resolves with a release function once a request may start; rejects with 'aborted' if `signal` aborts first. */
  acquire(signal: AbortSignal, options: AcquireOptions = {}): Promise<() => void> {
    if (signal.aborted) return Promise.reject(abortedError(signal.reason));
    const lane = options.lane ?? DEFAULT_LANE;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        lane,
        resolve,
        reject,
        signal,
        onAbort: () => {
          const queue = this.lanes.get(lane);
          const index = queue ? queue.indexOf(waiter) : -1;
          if (queue && index >= 0) {
            queue.splice(index, 1);
            this.waitingCount -= 1;
            if (queue.length === 0) this.lanes.delete(lane);
          }
          reject(abortedError(signal.reason));
        },
      };
      signal.addEventListener('abort', waiter.onAbort, { once: true });
      const queue = this.lanes.get(lane);
      if (queue) queue.push(waiter);
      else this.lanes.set(lane, [waiter]);
      this.waitingCount += 1;
      this.pump();
    });
  }

  private recentStarts(lane: string, now: number): number {
    const times = this.starts.get(lane);
    if (!times) return 0;
    while (times.length > 0 && now - times[0]! > FAIR_WINDOW_MS) times.shift();
    if (times.length === 0) this.starts.delete(lane);
    return times.length;
  }

  /** The next waiter: urgent lanes first, then the lane served least lately, ties in round-robin order; its lane moves to the back. */
  private next(now: number): Waiter | undefined {
    let chosen: string | undefined;
    let best = Infinity;
    for (const lane of this.lanes.keys()) {
      const score = (this.options.isUrgent?.(lane) ? -1e9 : 0) + this.recentStarts(lane, now);
      if (score < best) {
        best = score;
        chosen = lane;
      }
    }
    if (chosen === undefined) return undefined;
    const times = this.starts.get(chosen);
    if (times) times.push(now);
    else this.starts.set(chosen, [now]);
    const queue = this.lanes.get(chosen)!;
    const waiter = queue.shift()!;
    this.lanes.delete(chosen);
    if (queue.length > 0) this.lanes.set(chosen, queue); // to the back of the rotation
    this.waitingCount -= 1;
    return waiter;
  }

  /** True when `n` more requests could start at once, now: nothing waiting, slots and start tokens free. */
  canStartNow(n: number): boolean {
    const now = Date.now();
    this.refill(now);
    return now >= this.pausedUntil && this.waitingCount === 0 && this.active + n <= this.burst && this.tokens >= n;
  }

  /** Holds back every start for `ms` (e.g. after a 429 with Retry-After). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
  }

  /** Ends a pause now (the reader pressed Retry: they would rather try than wait). */
  resume(): void {
    this.pausedUntil = 0;
    this.pump();
  }

  private pump(): void {
    while (this.waitingCount > 0 && this.active < Math.max(1, this.limits.concurrency)) {
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
      const waiter = this.next(now)!;
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
