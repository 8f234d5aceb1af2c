import { extractUnits } from '../extract';
import type { ExtractMode, ExtractResult, Unit } from '../extract/types';
import type { DisplayMode, Layout } from '../settings/schema';
import type { PortResponse, RememberedTranslation, TabStatus } from '../messaging/protocol';
import { createRenderer, type Renderer } from '../render';
import type { ShownTranslation } from '../render/renderer';
import { runInSlices, type SliceRun } from '../render/slices';
import { createViewportScheduler, type ViewportScheduler } from '../schedule/viewport';
import { watchMutations, type MutationWatcher, type PageChanges } from '../schedule/mutations';
import { commonAncestor, unitsInAdded } from './added-units';
import { parseWireId, pieceJoiner, wireIdsOf, wireItems } from './long-text';
import { wireText } from '../rich-text/unit-markup';
import { FailureBoard } from './failure-board';
import { mark } from './marks';
import { pageText } from './page-text';
import { PortClient } from './port-client';
import { UnitBook } from './unit-book';
import type { Effect, UnitRecord } from './unit-lifecycle';

/** How long a requested unit waits for its answer before it shows a loading placeholder. */
export const PLACEHOLDER_DELAY_MS = 60;

/**
 * Items (units, or pieces of long units) per port message: a whole screen fits in one, so the
 * background packs it into the fewest requests; the protocol accepts up to 500.
 */
const ITEMS_PER_MESSAGE = 250;
/** Units handed to the viewport scheduler per call (each call reads the on-screen ones' boxes). */
const OBSERVE_CHUNK = 250;
/** More added roots than this in one batch, and the page is analysed again as a whole. */
const FULL_PASS_ABOVE = 200;

/** How units reach the background: the port in the browser, a stand-in in tests. */
export interface Transport {
  translate(units: { id: string; text: string }[], from: string, to: string): void;
  cancel(ids: string[]): void;
  disconnect(): void;
}

export interface SessionOptions {
  from: string;
  to: string;
  layout: Layout;
  onStatus: (status: TabStatus) => void;
  /**
   * Translations the background remembers of this page for this provider and language pair, by original
   * text (utils/background/page-memory.ts): units found there are shown without asking.
   */
  remembered?: readonly RememberedTranslation[];
  connect?: (onResponse: (response: PortResponse) => void, onLost: () => void) => Transport;
  /** Runs `fn` before the next paint (default: requestAnimationFrame, with a timer for hidden tabs). */
  frame?: (fn: () => void) => void;
  /** Quiet time before page changes are handled (default 0: one observer callback holds one task's changes). */
  mutationDebounceMs?: number;
}

/**
 * One page's translation. Every unit is one record in a UnitBook (unit-lifecycle.ts); this class
 * turns the world into events (analysis, viewport, port, page mutations, the reader's mode) and
 * carries the records' effects out: asks and cancels to the port, placeholders and translations to
 * the renderer (held for one frame so results arriving together cost one layout), viewport watching.
 */
export class TranslationSession {
  private readonly book: UnitBook;
  private readonly remembered: Map<string, RememberedTranslation>;
  /** The page-wide failure message (a service down or refusing: said once, in the pill and popup). */
  private readonly failures = new FailureBoard(() => this.retryFailed());
  private readonly renderer: Renderer;
  private readonly port: Transport;
  private mode: DisplayMode = 'original';
  private extractMode: ExtractMode = 'article';
  private isArticle = true;
  /** The element holding every unit of the last full analysis: added content outside it is not the article. */
  private scope: Element | null = null;
  private scheduler: ViewportScheduler | undefined;
  private watcher: MutationWatcher | undefined;
  private observing: SliceRun | undefined;
  private fullPassTimer: ReturnType<typeof setTimeout> | undefined;
  private nextFullPassAt = 0;
  private placeholderTimer: ReturnType<typeof setTimeout> | undefined;
  private awaitingPlaceholder = new Set<string>();
  /** Units being retried: asked of the provider's path, never answered from the page memory. */
  private readonly retrying = new Set<string>();
  private pendingAsks: Extract<Effect, { type: 'ask' }>[] = [];
  private pendingCancels: string[] = [];
  private renderQueue: Effect[] = [];
  private renderQueued = false;
  private readonly frame: (fn: () => void) => void;

  constructor(
    private readonly doc: Document,
    private readonly options: SessionOptions,
  ) {
    this.renderer = createRenderer(doc, {
      layout: options.layout,
      targetLanguage: options.to,
      // The renderer's own DOM writes must never come back to us as "page changes".
      mutate: (fn) => (this.watcher ? this.watcher.pause(fn) : fn()),
    });
    this.book = new UnitBook(pieceJoiner(options.to));
    this.remembered = new Map((options.remembered ?? []).map((r) => [r.source, r]));
    this.frame = options.frame ?? defaultFrame(doc);
    const connect = options.connect ?? ((onResponse, onLost) => new PortClient(onResponse, onLost));
    this.port = connect(
      (response) => this.onResponse(response),
      () => this.run(this.book.dispatchAll(this.book.ids((r) => r.phase === 'asked'), { type: 'port-lost' })),
    );
  }

  /**
   * Finds the units (without touching the page) and reports whether the page is an article.
   * `precomputed`: an analysis of this same page in this mode, still current (early-analysis.ts).
   */
  analyse(mode: ExtractMode, precomputed?: ExtractResult): boolean {
    this.extractMode = mode;
    const result = precomputed ?? extractUnits(this.doc, { mode });
    mark('analysed');
    this.isArticle = result.isArticle;
    this.take(result.units);
    return this.isArticle;
  }

  /** Shows the page in `mode`; Original restores the page exactly and stops all work. */
  setMode(mode: DisplayMode): void {
    if (mode === this.mode) return;
    if (mode === 'original') return this.deactivate();
    const wasOriginal = this.mode === 'original';
    this.mode = mode;
    this.renderer.setMode(mode);
    if (wasOriginal) this.activate();
    this.report();
  }

  getMode(): DisplayMode {
    return this.mode;
  }

  getExtractMode(): ExtractMode {
    return this.extractMode;
  }

  setLayout(layout: Layout): void {
    this.renderer.setLayout(layout);
  }

  retryFailed(): void {
    this.failures.retrying();
    this.retry(this.book.ids((r) => r.phase === 'failed'));
  }

  status(): TabStatus {
    const { detected, ...counts } = this.book.counts();
    let detectedLanguage: string | undefined;
    let most = 0;
    for (const [lang, count] of detected) if (count > most) [detectedLanguage, most] = [lang, count];
    return { mode: this.mode, isArticle: this.isArticle, ...counts, ...(detectedLanguage ? { detectedLanguage } : {}), ...this.failures.status() };
  }

  /** Stops everything and puts the page back as it was. */
  destroy(): void {
    this.deactivate();
    this.watcher?.disconnect();
    this.watcher = undefined;
    clearTimeout(this.fullPassTimer);
    this.fullPassTimer = undefined;
    this.failures.destroy();
    this.port.disconnect();
    this.renderer.destroy(); // restores the page exactly
  }

  // ── the reader's mode ─────────────────────────────────────────────────────

  private activate(): void {
    this.scheduler = createViewportScheduler({
      onNeeded: (units) => this.run(this.book.dispatchAll(units.map((u) => u.id), { type: 'due' })),
    });
    // Once the reader asked for a translation, the page is followed until the session ends, through
    // Original too (records only, no DOM writes there): coming back never needs a pass over every unit.
    this.watcher ??= watchMutations(this.doc.body, (changes) => this.onPageChanged(changes), {
      debounceMs: this.options.mutationDebounceMs ?? 0,
      fullRescanThreshold: FULL_PASS_ABOVE,
    });
    this.run(this.book.setActive(true));
  }

  private deactivate(): void {
    clearTimeout(this.placeholderTimer);
    this.placeholderTimer = undefined;
    this.awaitingPlaceholder.clear();
    this.mode = 'original';
    this.observing?.cancel();
    this.observing = undefined;
    this.scheduler?.destroy();
    this.scheduler = undefined;
    // Work not finished yet is cancelled: it is asked again (from the cache, usually) when the reader is back.
    this.run(this.book.setActive(false));
    this.flushPort();
    this.renderer.setMode('original');
    this.report();
  }

  private retry(ids: string[]): void {
    // In Original nothing is sent; the failures stay failed (and retryable) until the reader is back.
    if (this.mode === 'original') return;
    for (const id of ids) this.retrying.add(id);
    this.run(this.book.dispatchAll(ids, { type: 'retry' }));
  }

  // ── effects ───────────────────────────────────────────────────────────────

  /** Carries out what the records asked for. */
  private run(effects: Effect[]): void {
    if (effects.length === 0) return;
    const observe: Unit[] = [];
    for (const effect of effects) {
      switch (effect.type) {
        case 'observe': {
          const r = this.book.get(effect.id);
          if (r) observe.push(unitOf(r));
          break;
        }
        case 'unobserve':
          this.scheduler?.unobserve([effect.id]);
          break;
        case 'ask':
          this.pendingAsks.push(effect);
          break;
        case 'cancel': {
          const r = this.book.get(effect.id);
          this.awaitingPlaceholder.delete(effect.id);
          this.pendingCancels.push(...(r ? wireIdsOf(effect.id, effect.revision, wireText(unitOf(r))) : [effect.id]));
          break;
        }
        default:
          this.renderQueue.push(effect);
      }
    }
    if (observe.length) this.observe(observe);
    // What one event asked for goes out in one message (the scheduler hands over a whole screen at once).
    if (this.pendingAsks.length || this.pendingCancels.length) this.flushPort();
    if (this.renderQueue.length) this.queueRender();
    this.report();
  }

  /**
   * Units go to the viewport scheduler in chunks, sliced over tasks: a mode switch on a page with
   * tens of thousands of paragraphs never holds the main thread, and one screen still leaves in one message.
   */
  private observe(units: Unit[]): void {
    const chunks: Unit[][] = [];
    for (let i = 0; i < units.length; i += OBSERVE_CHUNK) chunks.push(units.slice(i, i + OBSERVE_CHUNK));
    const run = runInSlices(chunks, (chunk) => this.scheduler?.observe(chunk), { checkEvery: 1 });
    if (!this.observing) this.observing = run;
  }

  private flushPort(): void {
    if (this.pendingCancels.length) {
      this.port.cancel(this.pendingCancels);
      this.pendingCancels = [];
    }
    const asks = this.pendingAsks;
    this.pendingAsks = [];
    if (asks.length === 0 || this.mode === 'original') return;
    const items: { id: string; text: string }[] = [];
    const fromMemory: Effect[] = [];
    for (const a of asks) {
      const r = this.book.get(a.id);
      if (!r || r.phase !== 'asked' || r.revision !== a.revision) continue; // moved on meanwhile
      // What goes on the wire: the text with its inline markup as numbered placeholders (rich-text/).
      const wire = wireText(unitOf(r));
      const memory = this.retrying.delete(a.id) ? undefined : this.remembered.get(wire);
      if (memory) {
        // Shown in this same task from what the background remembers of this page: no round trip, no placeholder.
        fromMemory.push(
          ...this.book.dispatch(a.id, {
            type: 'result',
            revision: a.revision,
            answer: { text: memory.text, cached: true, ...(memory.sameLanguage ? { sameLanguage: true as const } : {}), ...(memory.detectedLanguage ? { detectedLanguage: memory.detectedLanguage } : {}) },
          }),
        );
        continue;
      }
      items.push(...wireItems(a.id, a.revision, wire));
      this.awaitingPlaceholder.add(a.id);
    }
    if (fromMemory.length) {
      mark('first-result');
      this.run(fromMemory);
    }
    if (items.length === 0) return;
    // Placeholders wait a moment: when the cache answers first, the page is laid out once, with the
    // translations, instead of twice (placeholders, then translations).
    this.placeholderTimer ??= setTimeout(() => this.onSlow(), PLACEHOLDER_DELAY_MS);
    for (let i = 0; i < items.length; i += ITEMS_PER_MESSAGE) {
      this.port.translate(items.slice(i, i + ITEMS_PER_MESSAGE), this.options.from, this.options.to);
    }
    mark('requested');
  }

  private onSlow(): void {
    this.placeholderTimer = undefined;
    const ids = [...this.awaitingPlaceholder];
    this.awaitingPlaceholder.clear();
    this.run(this.book.dispatchAll(ids, { type: 'slow' }));
  }

  private queueRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    this.frame(() => this.flushRender());
  }

  /** Everything the records want shown since the last frame, in one DOM write per kind (styles read once). */
  private flushRender(): void {
    this.renderQueued = false;
    const queue = this.renderQueue;
    this.renderQueue = [];
    if (queue.length === 0) return;
    if (this.mode === 'original') {
      // Nothing is drawn in Original; translations of units the page removed meanwhile are forgotten.
      for (const effect of queue) if (effect.type === 'unrender') this.renderer.remove(effect.id);
      return;
    }
    // Only the last word per unit counts (a placeholder overtaken by its translation is never drawn).
    const last = new Map<string, Effect>();
    for (const effect of queue) if ('id' in effect) last.set(effect.id, effect);
    const placeholders: Unit[] = [];
    const shown: ShownTranslation[] = [];
    const errors: [UnitRecord, Extract<Effect, { type: 'show-error' }>][] = [];
    const removed: string[] = [];
    for (const effect of last.values()) {
      const r = this.book.get(effect.id);
      if (effect.type === 'unrender' || !r) removed.push(effect.id);
      else if (effect.type === 'placeholder' && r.rendered === 'placeholder') placeholders.push(unitOf(r));
      else if (effect.type === 'show' && r.rendered === 'translation') shown.push({ unit: unitOf(r), text: effect.text, lang: this.options.to });
      else if (effect.type === 'show-error' && r.rendered === 'error') errors.push([r, effect]);
    }
    // One write for the frame: the renderer reads every new original's style first, so no write of
    // ours forces the page to recalculate styles inside this task (on a 60,000-element page that is a long task).
    if (placeholders.length || shown.length) this.renderer.showBatch(placeholders, shown);
    // A failure of the service says so once for the page (FailureBoard): its paragraphs get no Retry of their own.
    for (const [r, { message, noRetry }] of errors) this.renderer.showError(unitOf(r), message, noRetry ? undefined : () => this.retry([r.id]));
    for (const id of removed) this.renderer.remove(id);
  }

  // ── the port ──────────────────────────────────────────────────────────────

  private onResponse(response: PortResponse): void {
    const effects: Effect[] = [];
    if (response.type === 'translated') {
      mark('first-result');
      this.failures.translated(response.notice);
      for (const result of response.results) {
        const ref = parseWireId(result.id);
        if (!ref) continue;
        effects.push(
          ...this.book.dispatch(ref.id, {
            type: 'result',
            revision: ref.revision,
            answer: {
              text: result.text,
              cached: result.cached,
              ...(result.sameLanguage ? { sameLanguage: true as const } : {}),
              ...(result.detectedLanguage ? { detectedLanguage: result.detectedLanguage } : {}),
            },
            ...(ref.piece ? { piece: ref.piece } : {}),
          }),
        );
        if (this.book.get(ref.id)?.phase !== 'asked') this.awaitingPlaceholder.delete(ref.id);
      }
    } else {
      const shown = this.failures.failed(response.error); // page-wide failures: one message, one Retry
      const seen = new Set<string>();
      for (const wireId of response.ids) {
        const ref = parseWireId(wireId);
        if (!ref || seen.has(ref.id)) continue;
        seen.add(ref.id);
        this.awaitingPlaceholder.delete(ref.id);
        effects.push(...this.book.dispatch(ref.id, { type: 'failure', revision: ref.revision, message: shown.text, ...(shown.retry ? {} : { noRetry: true as const }) }));
      }
      console.warn(`[duet] ${response.ids.length} paragraph(s) failed: ${response.error.message}`);
    }
    this.run(effects);
    this.report();
  }

  // ── the page ──────────────────────────────────────────────────────────────

  private onPageChanged(changes: PageChanges): void {
    this.reconcile(changes);
    if (this.mode !== 'original') this.renderer.repair(); // our nodes the page took out (its re-render replaced a paragraph's children) go back
  }

  /**
   * Follows the page: removed units are cancelled and their translations taken out, changed texts are
   * asked again, added content inside the article is read for new units — incrementally; one full
   * analysis (throttled) only when the additions are too many or the article's container itself went.
   */
  private reconcile(changes: PageChanges): void {
    const effects: Effect[] = [];
    if (changes.removed) {
      const gone = this.book.ids((r) => !r.element.isConnected);
      effects.push(...this.book.dispatchAll(gone, { type: 'removed' }));
    }
    const changed = new Set<string>();
    for (const el of changes.touched) {
      for (let e: Element | null = el; e && e !== this.doc.documentElement; e = e.parentElement) {
        const id = this.book.idOf(e);
        if (id !== undefined) changed.add(id);
      }
    }
    for (const id of changed) {
      const r = this.book.get(id);
      if (!r) continue;
      const text = pageText(r.element, r.containsUnits === true);
      if (text === r.text || text === '') continue;
      if (this.snapshotOf(r) === text) continue;
      this.snapshots.set(r.element, text);
      effects.push(...this.book.dispatch(id, { type: 'text-changed', text }));
    }
    this.run(effects);
    const scopeLost = !this.scope || !this.scope.isConnected;
    if (changes.overflow || (scopeLost && changes.added.length > 0)) {
      this.scheduleFullPass();
      return;
    }
    if (changes.added.length === 0) return;
    const inScope = this.extractMode === 'whole-page' ? changes.added : changes.added.filter((el) => this.scope!.contains(el) || el.contains(this.scope!));
    if (inScope.some((el) => el.contains(this.scope!) && el !== this.scope)) return this.scheduleFullPass();
    const found = unitsInAdded(inScope, this.scope, (el) => this.book.idOf(el) !== undefined);
    if (found.length) this.adopt(found);
  }

  /** What pageText read for a unit when it was found (the detector's text may differ in small ways: credits). */
  private readonly snapshots = new WeakMap<Element, string>();
  private snapshotOf(r: UnitRecord): string {
    let s = this.snapshots.get(r.element);
    if (s === undefined) {
      s = pageText(r.element, r.containsUnits === true);
      this.snapshots.set(r.element, s);
    }
    return s;
  }

  /**
   * A full analysis, soon after the change but never more than a fifth of the main thread: a page
   * that mutates all the time gets passes spaced by four times what the last one cost.
   */
  private scheduleFullPass(): void {
    if (this.fullPassTimer !== undefined) return;
    const wait = Math.max(0, this.nextFullPassAt - performance.now());
    this.fullPassTimer = setTimeout(() => {
      this.fullPassTimer = undefined;
      const started = performance.now();
      const result = extractUnits(this.doc, { mode: this.extractMode });
      const effects = this.book.dispatchAll(this.book.ids((r) => !r.element.isConnected), { type: 'removed' });
      this.run(effects);
      this.take(result.units);
      const finished = performance.now();
      this.nextFullPassAt = finished + 4 * (finished - started);
    }, wait);
  }

  /** Adopts what a full analysis found; the article's container is where its units lie. */
  private take(units: Unit[]): void {
    if (units.length) this.scope = commonAncestor(units.map((u) => u.element)) ?? this.doc.body;
    this.adopt(units);
  }

  private adopt(units: readonly { element: Element; text: string; kind: Unit['kind']; containsUnits?: true }[]): void {
    for (const u of units) if (!this.snapshots.has(u.element)) this.snapshots.set(u.element, pageText(u.element, u.containsUnits === true));
    this.run(this.book.add(units));
    this.report();
  }

  private reportScheduled = false;
  /** Progress goes out once per burst of changes (a microtask later): status is cheap, messages are not. */
  private report(): void {
    if (this.reportScheduled) return;
    this.reportScheduled = true;
    queueMicrotask(() => {
      this.reportScheduled = false;
      this.options.onStatus(this.status());
    });
  }
}

function unitOf(r: UnitRecord): Unit {
  return { id: r.id, element: r.element, text: r.text, kind: r.kind, ...(r.containsUnits ? { containsUnits: true as const } : {}) };
}

/** Before the next paint; a hidden tab gets no animation frames, so a timer stands in after 100 ms. */
function defaultFrame(doc: Document): (fn: () => void) => void {
  const win = doc.defaultView;
  return (fn) => {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      fn();
    };
    if (win?.requestAnimationFrame) win.requestAnimationFrame(once);
    setTimeout(once, win?.requestAnimationFrame ? 100 : 0);
  };
}
