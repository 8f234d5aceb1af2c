import { browser, type Browser } from 'wxt/browser';
import { TabRequestSchema, type StartPageResponse, type TabRequest, type TabStatus } from '../messaging/protocol';
import { isOwnSender } from '../messaging/senders';
import { sendToBackground } from '../messaging/send';
import type { Settings } from '../settings/schema';
import type { ExtractMode, ExtractResult } from '../extract/types';
import { EarlyAnalysis, worthAnalysingEarly } from './early-analysis';
import { EarlyPort } from './early-port';
import { takeStartPage } from './early-start';
import { afterLoad } from './late-article';
import { pageLanguage } from './page-language';
import { createProgressPill } from '../page-ui/progress-pill';
import { removeLeftovers } from '../render';
import { PLACEHOLDER_DELAY_MS, TranslationSession } from './session';
import { mark } from './marks';
import { PortClient } from './port-client';
import { resolveTarget } from './resolve-target';

/**
 * The content script's brain: answers the popup, the shortcut and the context menu, starts
 * translation on sites the reader chose, and follows settings changes pushed by the background.
 */
export class ContentController {
  private session: TranslationSession | undefined;
  private pill: ReturnType<typeof createProgressPill> | undefined;
  private settings!: Settings;
  private lastStatus: TabStatus | undefined;
  /** What the background remembers of this page; offered to the first session only (it may be stale later). */
  private remembered: StartPageResponse['remembered'];
  /** The port opened at start, for the first session (early-port.ts). */
  private earlyPort: EarlyPort | undefined;
  private cancelLateLook: (() => void) | undefined;

  constructor(private readonly doc: Document) {}

  async start(): Promise<void> {
    mark('start');
    // The settings were asked for at document_start (early-start.ts); the translation port opens now.
    // Both are on their way while the page is cleaned up and analysed.
    const starting = takeStartPage();
    this.earlyPort = new EarlyPort();
    // A previous instance of Duet (before an extension update or reload) may have left its nodes behind.
    removeLeftovers(this.doc);
    const early = worthAnalysingEarly(this.doc, browser.i18n.getUILanguage()) ? new EarlyAnalysis(this.doc) : undefined;
    const start = await starting.catch((error: unknown) => {
      early?.take(); // stop watching the page
      this.closeEarlyPort();
      throw error;
    });
    this.settings = start.settings;
    this.remembered = start.remembered;
    mark('settings');
    browser.runtime.onMessage.addListener(this.onMessage);
    const host = location.hostname;
    const wanted = this.settings.alwaysTranslateSites.includes(host);
    const sameLanguage = pageLanguage(this.doc) === this.target();
    const analysed = early?.take();
    if (wanted && !sameLanguage) this.translate(undefined, this.settings.mode, true, analysed);
    if (wanted && !sameLanguage && this.session && !this.session.status().isArticle) this.lookAgainAfterLoad();
    this.closeEarlyPort(); // not taken: this page is not translated now; a later session connects its own
  }

  stop(): void {
    this.closeEarlyPort();
    this.cancelLateLook?.();
    browser.runtime.onMessage.removeListener(this.onMessage);
    this.session?.destroy();
    this.session = undefined;
    this.pill?.destroy();
    this.pill = undefined;
  }

  private readonly onMessage = (raw: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isOwnSender(sender)) return undefined;
    const parsed = TabRequestSchema.safeParse(raw);
    if (!parsed.success) return undefined;
    return Promise.resolve(this.handle(parsed.data));
  };

  private handle(request: TabRequest): TabStatus | void {
    switch (request.type) {
      case 'getStatus':
        // The popup opened on a page Duet has not touched: analyse (read-only) so it can say how many
        // paragraphs there are and whether this is an article at all.
        if (!this.session) this.analyseOnly();
        return this.status();
      case 'setMode':
        if (request.mode === 'original') this.session?.setMode('original');
        else this.translate(undefined, request.mode);
        return this.status();
      case 'toggle':
        if (this.session && this.session.getMode() !== 'original') this.session.setMode('original');
        else this.translate(undefined);
        return this.status();
      case 'translateWholePage':
        this.translate('whole-page');
        return this.status();
      case 'retryFailed':
        this.session?.retryFailed();
        return this.status();
      case 'settingsChanged':
        return this.applySettings(request.settings);
    }
  }

  /**
   * Shows the page translated. A new analysis runs when asked (`extract`) or when there is none yet.
   * A page that is not an article is translated automatically only when the reader asks for the whole
   * page; asked on demand (popup, shortcut, menu), Duet translates its visible main text blocks.
   */
  private translate(extract: ExtractMode | undefined, mode = this.settings.mode, auto = false, analysed?: ExtractResult): void {
    this.pill ??= createProgressPill(this.doc, {
      onRetryFailed: () => this.session?.retryFailed(),
      onTranslateWholePage: () => this.translate('whole-page'),
      onShowOriginal: () => this.session?.setMode('original'),
    }, { firstShowDelayMs: PLACEHOLDER_DELAY_MS }); // appears with the placeholders, or with cached translations
    if (!this.session || extract) {
      this.session?.destroy();
      this.session = this.newSession();
      this.session.analyse(extract ?? 'article', extract === undefined ? analysed : undefined);
    }
    const session = this.session;
    if (!session.status().isArticle && extract !== 'whole-page') {
      if (auto) return; // the pill offers "Translate whole page"
      session.analyse('whole-page');
    }
    session.setMode(mode);
  }

  /**
   * Duet starts when the document is parsed (document_end), before the page's scripts have run their
   * load-time work; a page that renders its article from script may not show one yet. Such a page is
   * analysed once more when it has loaded, which is no later than the old document_idle start.
   */
  private lookAgainAfterLoad(): void {
    this.cancelLateLook = afterLoad(this.doc, () => {
      this.cancelLateLook = undefined;
      const session = this.session;
      // The reader may have chosen something meanwhile (popup, shortcut): then it is theirs.
      if (!session || session.getMode() !== 'original' || session.status().isArticle) return;
      this.translate('article', this.settings.mode, true);
    });
  }

  private closeEarlyPort(): void {
    this.earlyPort?.close();
    this.earlyPort = undefined;
  }

  private analyseOnly(): void {
    this.session = this.newSession();
    this.session.analyse('article');
  }

  private newSession(): TranslationSession {
    const from = this.settings.sourceLanguage;
    const to = this.target();
    const r = this.remembered;
    this.remembered = undefined;
    const remembered = r && r.provider === this.settings.provider && r.from === from && r.to === to ? r.translations : undefined;
    const early = this.earlyPort;
    this.earlyPort = undefined;
    return new TranslationSession(this.doc, {
      from,
      to,
      layout: this.settings.layout,
      onStatus: (status) => this.onStatus(status),
      ...(remembered ? { remembered } : {}),
      // The port opened at start, already connected; a session made later opens its own.
      ...(early ? { connect: (onResponse, onLost) => early.take(onResponse, onLost) ?? new PortClient(onResponse, onLost) } : {}),
    });
  }

  private applySettings(next: Settings): void {
    const before = this.settings;
    this.settings = next;
    if (!this.session) return;
    const outputChanged =
      before.provider !== next.provider ||
      resolveTarget(before, browser.i18n.getUILanguage()) !== this.target() ||
      before.sourceLanguage !== next.sourceLanguage;
    const mode = this.session.getMode();
    if (outputChanged && mode !== 'original') {
      this.translate(this.session.getExtractMode(), mode); // same page, same mode, new language or service
    } else if (outputChanged) {
      // Translations kept for a return from Original are in the old language: drop them.
      this.session.destroy();
      this.session = undefined;
    } else if (before.layout !== next.layout) {
      this.session.setLayout(next.layout);
    }
  }

  private target(): string {
    return resolveTarget(this.settings, browser.i18n.getUILanguage());
  }

  private status(): TabStatus {
    return (
      this.session?.status() ??
      this.lastStatus ?? { mode: 'original', isArticle: true, found: 0, translated: 0, fromCache: 0, failed: 0, pending: 0 }
    );
  }

  private onStatus(status: TabStatus): void {
    this.lastStatus = status;
    this.pill?.update(status);
    sendToBackground({ type: 'reportStatus', status }).catch(() => {
      // The background restarts now and then; the next report gets through.
    });
  }
}
