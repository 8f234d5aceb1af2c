import { extractUnits } from '../extract';
import type { ExtractMode, ExtractResult, Unit } from '../extract/types';
import type { DisplayMode, Layout } from '../settings/schema';
import type { PortResponse, RememberedTranslation, TabStatus } from '../messaging/protocol';
import { createRenderer } from '../render';
import { createViewportScheduler } from '../schedule/viewport';
import { watchMutations } from '../schedule/mutations';
import { FailureBoard, PAGE_FAILURE_NOTE } from './failure-board';
import { PieceAssembler } from './long-text';
import { PortClient } from './port-client';
import { mark } from './marks';

/** How long a requested unit waits for its answer before it shows a loading placeholder. */
export const PLACEHOLDER_DELAY_MS = 60;

/**
 * Items (units, or pieces of long units) per port message: a whole screen fits in one, so the
 * background packs it into the fewest requests; the protocol accepts up to 500.
 */
const ITEMS_PER_MESSAGE = 250;

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
  connect?: (onResponse: (response: PortResponse) => void, onLost: (unitIds: string[]) => void) => Transport;
}

interface Received {
  text: string;
  cached: boolean;
  sameLanguage: boolean;
}

/**
 * One page's translation: which units exist, what was asked, what came back, and what is shown.
 * Translations are kept when the reader switches to Original, so switching back costs no request.
 */
export class TranslationSession {
  private readonly units = new Map<string, Unit>();
  private readonly remembered: Map<string, RememberedTranslation>;
  private readonly idOf = new WeakMap<Element, string>();
  private readonly received = new Map<string, Received>();
  private readonly failed = new Map<string, string>();
  private readonly failures = new FailureBoard(() => this.retryFailed());
  private readonly requested = new Set<string>();
  private nextId = 0;
  private mode: DisplayMode = 'original';
  private extractMode: ExtractMode = 'article';
  private isArticle = true;
  private detected = new Map<string, number>();
  private readonly renderer;
  private readonly port: Transport;
  private readonly pieces: PieceAssembler;
  private scheduler: ReturnType<typeof createViewportScheduler> | undefined;
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;
  private placeholderTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly awaitingPlaceholder = new Set<string>();
  private nextRescanAt = 0;
  private watcher: ReturnType<typeof watchMutations> | undefined;

  constructor(
    private readonly doc: Document,
    private readonly options: SessionOptions,
  ) {
    this.renderer = createRenderer(doc, {
      layout: options.layout,
      targetLanguage: options.to,
      // The renderer's own DOM writes must never come back to us as "new content".
      mutate: (fn) => (this.watcher ? this.watcher.pause(fn) : fn()),
    });
    this.pieces = new PieceAssembler(options.to);
    this.remembered = new Map((options.remembered ?? []).map((r) => [r.source, r]));
    const connect = options.connect ?? ((onResponse, onLost) => new PortClient(onResponse, onLost));
    this.port = connect(
      (response) => this.onResponse(response),
      (lost) => {
        const ids = new Set(lost.map((id) => this.pieces.unitOf(id)));
        this.request([...ids].map((id) => this.units.get(id)).filter((u): u is Unit => !!u), true);
      },
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
    const ids = [...this.failed.keys()];
    this.retry(ids);
  }

  status(): TabStatus {
    let fromCache = 0;
    let translated = 0;
    let sameLanguage = 0;
    for (const r of this.received.values()) {
      if (r.sameLanguage) {
        sameLanguage++;
        continue;
      }
      translated++;
      if (r.cached) fromCache++;
    }
    const pending = this.openIds().length;
    let detectedLanguage: string | undefined;
    let most = 0;
    for (const [lang, count] of this.detected) if (count > most) [detectedLanguage, most] = [lang, count];
    return {
      mode: this.mode,
      isArticle: this.isArticle,
      found: this.units.size,
      translated,
      fromCache,
      failed: this.failed.size,
      pending,
      ...(detectedLanguage ? { detectedLanguage } : {}),
      ...(sameLanguage ? { sameLanguage } : {}),
      ...this.failures.status(),
    };
  }

  /** Stops everything and puts the page back as it was. */
  destroy(): void {
    this.deactivate();
    this.failures.destroy();
    this.port.disconnect();
    this.renderer.destroy(); // restores the page exactly
  }

  private activate(): void {
    // The renderer kept what it showed before Original; only results that arrived meanwhile are new to it.
    const missed: [Unit, string][] = [];
    for (const [id, r] of this.received) {
      const unit = this.units.get(id);
      if (unit && !r.sameLanguage && !this.renderer.has(id)) missed.push([unit, r.text]);
    }
    this.showTranslations(missed);
    for (const [id, message] of this.failed) if (!this.renderer.has(id)) this.showError(id, message, message !== PAGE_FAILURE_NOTE);
    this.scheduler = createViewportScheduler({ onNeeded: (units) => this.request(units, false) });
    this.scheduler.observe([...this.units.values()].filter((u) => !this.received.has(u.id) && !this.failed.has(u.id)));
    // No debounce: one MutationObserver callback already holds a task's changes (appended paragraphs
    // arrive together), and the rescan itself is throttled (onPageChanged).
    this.watcher = watchMutations(this.doc.body, () => this.onPageChanged(), { debounceMs: 0 });
  }

  private deactivate(): void {
    clearTimeout(this.placeholderTimer);
    this.placeholderTimer = undefined;
    this.awaitingPlaceholder.clear();
    this.mode = 'original';
    this.scheduler?.destroy();
    this.scheduler = undefined;
    this.watcher?.disconnect();
    this.watcher = undefined;
    clearTimeout(this.rescanTimer);
    this.rescanTimer = undefined;
    // Work not finished yet is dropped: it will be asked again (from the cache, usually) next time.
    const open = this.openIds();
    this.port.cancel(open.flatMap((id) => this.pieces.wireIds(id)));
    for (const id of open) this.pieces.forget(id);
    for (const id of open) this.requested.delete(id);
    this.renderer.setMode('original');
    this.report();
  }

  private request(units: Unit[], again: boolean): void {
    if (this.mode === 'original') return;
    let wanted = units.filter((u) => again || (!this.requested.has(u.id) && !this.received.has(u.id)));
    if (!again && this.remembered.size) wanted = this.answerFromMemory(wanted);
    if (wanted.length === 0) return;
    for (const u of wanted) {
      this.requested.add(u.id);
      this.awaitingPlaceholder.add(u.id);
    }
    // Placeholders wait a moment: when the cache answers first, the page is laid out once, with the
    // translations, instead of twice (placeholders, then translations). On a 60,000-element page one
    // layout is ~150 ms of the reader's main thread.
    this.placeholderTimer ??= setTimeout(() => this.showPlaceholders(), PLACEHOLDER_DELAY_MS);
    // Long units travel as several pieces: count what goes on the wire, not units.
    const items = wanted.flatMap((u) => this.pieces.wire(u.id, u.text));
    for (let i = 0; i < items.length; i += ITEMS_PER_MESSAGE) {
      this.port.translate(items.slice(i, i + ITEMS_PER_MESSAGE), this.options.from, this.options.to);
    }
    mark('requested');
    this.report();
  }

  /**
   * Shows what the page memory holds for these units in this same task (one layout, no round trip) and
   * returns the units still to ask for. A retry always asks the provider's path (cache, then provider).
   */
  private answerFromMemory(units: Unit[]): Unit[] {
    const results: Extract<PortResponse, { type: 'translated' }>['results'] = [];
    const rest: Unit[] = [];
    for (const unit of units) {
      const r = this.remembered.get(unit.text);
      if (!r) {
        rest.push(unit);
        continue;
      }
      this.requested.add(unit.id);
      results.push({ id: unit.id, text: r.text, cached: true, ...(r.detectedLanguage ? { detectedLanguage: r.detectedLanguage } : {}), ...(r.sameLanguage ? { sameLanguage: true as const } : {}) });
    }
    if (results.length) this.onResponse({ type: 'translated', results });
    return rest;
  }

  private showPlaceholders(): void {
    this.placeholderTimer = undefined;
    const units = [...this.awaitingPlaceholder].map((id) => this.units.get(id)).filter((u): u is Unit => !!u);
    this.awaitingPlaceholder.clear();
    // One call for the whole batch: the renderer reads every original's style before writing anything.
    if (units.length && this.mode !== 'original') this.renderer.showLoading(units);
  }

  private retry(ids: string[]): void {
    // In Original nothing is sent; the failures stay failed (and retryable) until the reader is back.
    if (this.mode === 'original') return;
    const units: Unit[] = [];
    for (const id of ids) {
      const unit = this.units.get(id);
      this.failed.delete(id);
      if (unit) units.push(unit);
    }
    this.request(units, true);
  }

  private onResponse(response: PortResponse): void {
    if (response.type === 'translated') {
      mark('first-result');
      this.failures.translated(response.notice);
      const shown: [Unit, string][] = [];
      for (const piece of response.results) {
        const r = this.pieces.collect(piece);
        if (!r) continue; // more pieces of this unit to come
        const unit = this.units.get(r.id);
        if (!unit || !this.requested.has(r.id)) continue;
        const sameLanguage = r.sameLanguage === true;
        this.received.set(r.id, { text: r.text, cached: r.cached, sameLanguage });
        this.failed.delete(r.id);
        this.awaitingPlaceholder.delete(r.id);
        if (r.detectedLanguage) this.detected.set(r.detectedLanguage, (this.detected.get(r.detectedLanguage) ?? 0) + 1);
        if (this.mode === 'original') continue;
        if (sameLanguage) this.renderer.remove(unit.id);
        else shown.push([unit, r.text]);
      }
      this.showTranslations(shown);
    } else {
      const shown = this.failures.failed(response.error); // page-wide failures: one message, one Retry
      for (const id of new Set(response.ids.map((wireId) => this.pieces.unitOf(wireId)))) {
        if (!this.requested.has(id)) continue;
        this.pieces.forget(id);
        this.awaitingPlaceholder.delete(id);
        this.failed.set(id, shown.text);
        if (this.mode !== 'original') this.showError(id, shown.text, shown.retry);
      }
      console.warn(`[duet] ${response.ids.length} paragraph(s) failed: ${response.error.message}`);
    }
    this.report();
  }

  /** Requested units with neither an answer nor a failure yet. */
  private openIds(): string[] {
    return [...this.requested].filter((id) => !this.received.has(id) && !this.failed.has(id));
  }

  private showTranslations(shown: [Unit, string][]): void {
    // Slots not made yet (the answer beat its placeholder) are made in one batch: styles read once, then written.
    const fresh = shown.map(([unit]) => unit).filter((unit) => !this.renderer.has(unit.id));
    if (fresh.length) this.renderer.showLoading(fresh);
    for (const [unit, text] of shown) this.renderer.showTranslation(unit, text, { lang: this.options.to });
  }

  private showError(id: string, message: string, retry = true): void {
    const unit = this.units.get(id);
    if (!unit) return;
    this.renderer.showError(unit, message, retry ? () => this.retry([id]) : undefined);
  }

  /**
   * New content (endless pages, live blogs, late-loading articles): find units again, keep the ones
   * we know. Soon after the change (new paragraphs are usually right where the reader is), but never
   * more than a fifth of the main thread: a page that mutates all the time (tickers, rotating ads)
   * gets rescans spaced by four times what the last one cost.
   */
  private onPageChanged(): void {
    if (this.rescanTimer !== undefined) return;
    const wait = Math.max(0, this.nextRescanAt - performance.now());
    this.rescanTimer = setTimeout(() => {
      this.rescanTimer = undefined;
      if (this.mode === 'original') return;
      const started = performance.now();
      this.take(extractUnits(this.doc, { mode: this.extractMode }).units);
      const finished = performance.now();
      this.nextRescanAt = finished + 4 * (finished - started);
    }, wait);
  }

  /** Adopts what an analysis found; new units are scheduled when the page is being translated. */
  private take(units: Unit[]): void {
    const fresh = this.adopt(units);
    if (fresh.length) this.scheduler?.observe(fresh);
    this.report();
  }

  /** Gives units stable ids across analyses (an element keeps its id); returns the new ones. */
  private adopt(units: Unit[]): Unit[] {
    const fresh: Unit[] = [];
    for (const u of units) {
      let id = this.idOf.get(u.element);
      if (id === undefined) {
        id = `d${this.nextId++}`;
        this.idOf.set(u.element, id);
        const unit = { ...u, id };
        this.units.set(id, unit);
        fresh.push(unit);
      }
    }
    return fresh;
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
