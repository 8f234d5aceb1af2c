import { checkTranslationCount } from './count-check';
import { isFull, packTexts, splitForLatency } from './packing';
import { abortedError } from './retry';
import type { ProviderId, ProviderLimits, Translation } from './types';

export { packTexts, splitForLatency, SPLIT_MIN_CHARS } from './packing';

/**
 * Groups cache misses into as few provider requests as the provider's limits allow
 * (DESIGN.md "Background": batcher → per-provider queue → provider).
 *
 * - Texts for the same (provider, from, to) wait up to `windowMs` to be packed together; as soon as a
 *   full request is ready it goes at once, and only the partly filled remainder keeps waiting.
 * - Packing is greedy in arrival order, splitting by `maxTextsPerRequest` and `maxCharsPerRequest`
 *   (a single text longer than the char limit goes alone; splitting it is the content script's job).
 * - One text is translated once however many callers (tabs, frames, duplicate paragraphs) ask for it,
 *   whether it is still waiting or already in flight: late askers attach to the same request.
 * - A caller that aborts gets an `aborted` error at once. A waiting text nobody wants any more is
 *   dropped from its batch; a request is aborted only when no text in it is wanted by anyone.
 * - A failed request settles exactly its own texts' callers, with its error.
 * - Requests carry the lane (tab) of their first asker, for the queue's fair share between tabs;
 *   groups are per partition (top-level site), so no answer crosses from one site's pages to another's.
 */
export type TextOutcome =
  | { text: string; ok: true; translation: Translation }
  | { text: string; ok: false; error: unknown };

/** Who asks: the tab (for fairness) and the top-level site (texts are shared only within one). */
export interface AskerOptions {
  lane?: string;
  partition?: string;
}

export interface Batcher {
  /** One text; resolves with its translation or rejects with the request's error (or `aborted`). */
  translate(providerId: ProviderId, from: string, to: string, text: string, signal: AbortSignal, asker?: AskerOptions): Promise<Translation>;
  /**
   * Many texts; `onSettled` is called once per provider request that answers any of them, with the
   * outcomes of this caller's texts in that request (each distinct text settles exactly once, an abort
   * settles every unsettled text as `aborted`). Resolves when every text has settled; never rejects.
   */
  translateMany(
    providerId: ProviderId,
    from: string,
    to: string,
    texts: string[],
    signal: AbortSignal,
    onSettled: (outcomes: TextOutcome[]) => void,
    asker?: AskerOptions,
  ): Promise<void>;
}

export interface BatcherOptions {
  /** Sends one request (through the provider's queue); must return one translation per text, in order. */
  execute: (providerId: ProviderId, texts: string[], from: string, to: string, signal: AbortSignal, lane?: string) => Promise<Translation[]>;
  getLimits: (providerId: ProviderId) => ProviderLimits;
  /** How long a partly filled batch waits for more texts. */
  windowMs?: number;
  /**
   * Whether a burst may be split in two for speed (see splitForLatency): only when the provider could
   * start both requests right now, so a split never waits on the rate limit. Default: always.
   */
  canSplit?: (providerId: ProviderId) => boolean;
}

/**
 * Long enough for port messages sent in one burst to land together, short enough not to be felt:
 * a content script sends a whole screen of units in one message, so the window rarely has to merge,
 * and every millisecond here is added to the first paragraph's wait (npm run bench).
 */
export const DEFAULT_BATCH_WINDOW_MS = 3;

interface Caller {
  signal: AbortSignal;
  lane?: string;
  waiting: Set<Waiter>;
  onSettled: (outcomes: TextOutcome[]) => void;
  finish: () => void;
}
interface Waiter {
  caller: Caller;
  entry: Entry;
  group: Group;
}
interface Entry {
  text: string;
  waiters: Set<Waiter>;
  request?: InFlight;
}
interface InFlight {
  entries: Entry[];
  controller: AbortController;
  abandoned: boolean;
}
interface Group {
  providerId: ProviderId;
  from: string;
  to: string;
  /** Every text waiting or in flight, by text: where late askers attach. */
  entries: Map<string, Entry>;
  /** Texts waiting to be sent, in arrival order. */
  queue: Entry[];
  timer?: ReturnType<typeof setTimeout>;
}

export function createBatcher(options: BatcherOptions): Batcher {
  const windowMs = options.windowMs ?? DEFAULT_BATCH_WINDOW_MS;
  const groups = new Map<string, Group>();

  function groupFor(providerId: ProviderId, from: string, to: string, partition: string): Group {
    const id = JSON.stringify([providerId, from, to, partition]);
    let group = groups.get(id);
    if (!group) {
      group = { providerId, from, to, entries: new Map(), queue: [] };
      groups.set(id, group);
    }
    return group;
  }

  /** Sends full requests now; with `all`, the partly filled remainder too (the window has closed). */
  function flush(group: Group, all: boolean): void {
    const limits = options.getLimits(group.providerId);
    const chunks = packTexts(group.queue, limits);
    const last = chunks.at(-1);
    group.queue = !all && last && !isFull(last, limits) ? (chunks.pop() ?? []) : [];
    const idle = ![...group.entries.values()].some((entry) => entry.request);
    const split = chunks.length === 1 && idle && (options.canSplit?.(group.providerId) ?? true);
    const requests = split ? splitForLatency(chunks[0]!, limits) : chunks;
    for (const chunk of requests) send(group, chunk);
    if (group.queue.length === 0 && group.timer !== undefined) {
      clearTimeout(group.timer);
      group.timer = undefined;
    } else if (group.queue.length > 0 && group.timer === undefined) {
      group.timer = setTimeout(() => {
        group.timer = undefined;
        flush(group, true);
      }, windowMs);
    }
  }

  function send(group: Group, entries: Entry[]): void {
    const request: InFlight = { entries, controller: new AbortController(), abandoned: false };
    for (const entry of entries) entry.request = request;
    const texts = entries.map((entry) => entry.text);
    const lane = [...(entries[0]?.waiters ?? [])][0]?.caller.lane;
    Promise.resolve()
      .then(() => options.execute(group.providerId, texts, group.from, group.to, request.controller.signal, lane))
      .then((translations) => {
        checkTranslationCount('The translation service', translations, texts.length);
        settle(group, request, (i) => ({ ok: true, translation: translations[i] as Translation }));
      })
      .catch((error: unknown) => settle(group, request, () => ({ ok: false, error })));
  }

  type Result = { ok: true; translation: Translation } | { ok: false; error: unknown };

  function settle(group: Group, request: InFlight, resultFor: (index: number) => Result): void {
    if (request.abandoned) return; // every waiter already got `aborted`
    const byCaller = new Map<Caller, TextOutcome[]>();
    request.entries.forEach((entry, index) => {
      if (group.entries.get(entry.text) === entry) group.entries.delete(entry.text);
      if (entry.waiters.size === 0) return;
      const outcome = { text: entry.text, ...resultFor(index) } as TextOutcome;
      for (const waiter of entry.waiters) {
        waiter.caller.waiting.delete(waiter);
        const list = byCaller.get(waiter.caller);
        if (list) list.push(outcome);
        else byCaller.set(waiter.caller, [outcome]);
      }
      entry.waiters.clear();
    });
    for (const [caller, outcomes] of byCaller) deliver(caller, outcomes);
  }

  function deliver(caller: Caller, outcomes: TextOutcome[]): void {
    try {
      caller.onSettled(outcomes);
    } catch (error) {
      // One caller's broken callback must not keep other callers' results from them.
      console.error('[duet] batcher: onSettled threw', error);
    }
    if (caller.waiting.size === 0) caller.finish();
  }

  function abandon(caller: Caller): void {
    const outcomes: TextOutcome[] = [];
    const touched = new Set<Group>();
    for (const waiter of caller.waiting) {
      const { entry } = waiter;
      entry.waiters.delete(waiter);
      outcomes.push({ text: entry.text, ok: false, error: abortedError() });
      if (entry.waiters.size > 0) continue;
      const { group } = waiter;
      touched.add(group);
      const request = entry.request;
      if (!request) {
        group.entries.delete(entry.text); // dropped before it was sent
      } else if (request.entries.every((e) => e.waiters.size === 0)) {
        request.abandoned = true;
        for (const e of request.entries) if (group.entries.get(e.text) === e) group.entries.delete(e.text);
        request.controller.abort(abortedError());
      }
    }
    caller.waiting.clear();
    for (const group of touched) {
      group.queue = group.queue.filter((entry) => entry.waiters.size > 0);
      if (group.queue.length === 0 && group.timer !== undefined) {
        clearTimeout(group.timer);
        group.timer = undefined;
      }
    }
    deliver(caller, outcomes);
  }

  const translateMany: Batcher['translateMany'] = (providerId, from, to, texts, signal, onSettled, asker = {}) => {
    const group = groupFor(providerId, from, to, asker.partition ?? '');
    const unique = [...new Set(texts)];
    if (unique.length === 0) return Promise.resolve();
    if (signal.aborted) {
      return Promise.resolve().then(() => onSettled(unique.map((text) => ({ text, ok: false, error: abortedError() }))));
    }
    return new Promise<void>((resolve) => {
      const onAbort = (): void => abandon(caller);
      const caller: Caller = {
        signal,
        ...(asker.lane === undefined ? {} : { lane: asker.lane }),
        waiting: new Set(),
        onSettled,
        finish: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      for (const text of unique) {
        let entry = group.entries.get(text);
        if (!entry) {
          entry = { text, waiters: new Set() };
          group.entries.set(text, entry);
          group.queue.push(entry);
        }
        const waiter: Waiter = { caller, entry, group };
        entry.waiters.add(waiter);
        caller.waiting.add(waiter);
      }
      signal.addEventListener('abort', onAbort, { once: true });
      flush(group, false); // sends at once only what fills whole requests
    });
  };

  return {
    translateMany,
    translate(providerId, from, to, text, signal, asker) {
      return new Promise<Translation>((resolve, reject) => {
        void translateMany(
          providerId,
          from,
          to,
          [text],
          signal,
          ([outcome]) => {
            if (!outcome) return;
            if (outcome.ok) resolve(outcome.translation);
            else reject(outcome.error);
          },
          asker,
        );
      });
    },
  };
}
