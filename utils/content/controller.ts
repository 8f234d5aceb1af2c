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
import { guessPageLanguage } from './guess-page-language';
import { createProgressPill } from '../page-ui/progress-pill';
import { createSelectionPopover } from '../page-ui/selection-popover';
import { createOriginalPopover } from '../page-ui/original-popover';
import { createLearningReveal } from '../page-ui/learning-reveal';
import { createHoverTranslate } from './hover-translate';
import { t } from '../i18n/t';
import { applyLearning, type LearningState } from '../render/learning';
import { removeLeftovers } from '../render';
import { applyTheme } from '../render/translation-theme';
import { decideForPage, learningForSite, modeForSite } from '../settings/site-rules';
import type { TranslatingMode } from '../settings/schema';
import { PLACEHOLDER_DELAY_MS, TranslationSession } from './session';
import { mark, showMarks } from './marks';
import { PortClient } from './port-client';
import { resolveTarget } from './resolve-target';
import { showBudgetNotice } from '../page-ui/budget-notice';
import { budgetFor, pageBudget } from './send-budget';

/**
 * The content script's brain: answers the popup, the shortcut and the context menu, starts
 * translation on sites the reader chose, and follows settings changes pushed by the background.
 */
export class ContentController {
  private session: TranslationSession | undefined;
  private pill: ReturnType<typeof createProgressPill> | undefined;
  private selection: ReturnType<typeof createSelectionPopover> | undefined;
  /** Translation only: the original of a paragraph over the page on hover, tap, focus or Alt+Shift+O. */
  private originals: ReturnType<typeof createOriginalPopover> | undefined;
  /** Learning mode: tap and Alt+Shift+R reveals; `revealedAll` is the pill's "Reveal all" on this page. */
  private learningReveal: ReturnType<typeof createLearningReveal> | undefined;
  private revealedAll = false;
  /** Shift + point: one paragraph's translation in a popover, on any page (hover-translate.ts). */
  private hoverTranslate: ReturnType<typeof createHoverTranslate> | undefined;
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
    applyTheme(this.doc, null);
    const early = worthAnalysingEarly(this.doc, browser.i18n.getUILanguage()) ? new EarlyAnalysis(this.doc) : undefined;
    const start = await starting.catch((error: unknown) => {
      early?.take(); // stop watching the page
      this.closeEarlyPort();
      throw error;
    });
    this.settings = start.settings;
    this.remembered = start.remembered;
    showMarks(this.settings.debugMarks === true);
    mark('settings');
    browser.runtime.onMessage.addListener(this.onMessage);
    this.hoverTranslate = createHoverTranslate(this.doc, {
      languages: () => ({ from: this.settings.sourceLanguage, to: this.target() }),
      loadingText: () => t('hover_translating'),
    });
    // Site rules cover subdomains; a never-translate site wins over an always-translate language.
    // A page that does not declare its language is asked about only when a language rule needs it.
    const declared = pageLanguage(this.doc);
    const language = declared ?? (this.settings.alwaysTranslateLanguages.length > 0 ? await guessPageLanguage(this.doc) : undefined);
    const decision = decideForPage(this.settings, location.hostname, language);
    const sameLanguage = language === this.target();
    const analysed = early?.take();
    if (decision.auto && !sameLanguage) this.translate(undefined, decision.mode, true, analysed);
    if (decision.auto && !sameLanguage && this.session && !this.session.status().isArticle) this.lookAgainAfterLoad();
    this.closeEarlyPort(); // not taken: this page is not translated now; a later session connects its own
  }

  stop(): void {
    this.closeEarlyPort();
    this.cancelLateLook?.();
    browser.runtime.onMessage.removeListener(this.onMessage);
    pageBudget.clear();
    this.session?.destroy();
    this.session = undefined;
    this.pill?.destroy();
    this.pill = undefined;
    this.selection?.close();
    this.originals?.destroy();
    this.originals = undefined;
    this.learningReveal?.destroy();
    this.learningReveal = undefined;
    this.hoverTranslate?.destroy();
    this.hoverTranslate = undefined;
    applyLearning(this.doc, null);
    applyTheme(this.doc, null);
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
        if (request.mode === 'original') this.showOriginal();
        else this.translate(undefined, request.mode);
        return this.status();
      case 'toggle':
        if (this.session && this.session.getMode() !== 'original') this.showOriginal();
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
      case 'showSelection':
        this.selection ??= createSelectionPopover(this.doc);
        this.selection.show(request);
        return;
    }
  }

  /**
   * Shows the page translated. A new analysis runs when asked (`extract`) or when there is none yet.
   * A page that is not an article is translated automatically only when the reader asks for the whole
   * page; asked on demand (popup, shortcut, menu), Duet translates its visible main text blocks.
   */
  private translate(extract: ExtractMode | undefined, mode: TranslatingMode = this.siteMode(), auto = false, analysed?: ExtractResult): void {
    // Each start (on load or the reader's action) grants the page a character budget (send-budget.ts, issue 10).
    const articleChars = analysed?.units.reduce((n, u) => n + u.text.length, 0) ?? 0;
    pageBudget.grant(budgetFor(articleChars), (spent) => showBudgetNotice(this.doc, spent, () => pageBudget.resume()));
    this.pill ??= createProgressPill(this.doc, {
      onRetryFailed: () => this.session?.retryFailed(),
      onTranslateWholePage: () => this.translate('whole-page'),
      onShowOriginal: () => this.showOriginal(),
      onToggleReveal: () => {
        this.revealedAll = !this.revealedAll;
        this.syncLearning();
      },
    }, { firstShowDelayMs: PLACEHOLDER_DELAY_MS }); // appears with the placeholders, or with cached translations
    this.originals ??= createOriginalPopover(this.doc);
    this.learningReveal ??= createLearningReveal(this.doc);
    if (mode !== 'translation') this.originals.hide();
    if (!this.session || extract) {
      this.session?.destroy();
      this.session = this.newSession();
      this.session.analyse(extract ?? 'article', extract === undefined ? analysed : undefined);
    }
    const session = this.session;
    if (!session.status().isArticle && extract !== 'whole-page') {
      if (auto) {
        // An always-translate site's front page or search page: say why nothing happened, offer the whole page.
        this.pill.offerWholePage();
        return;
      }
      session.analyse('whole-page');
    }
    session.setMode(mode);
  }

  /** Original: the page holds nothing of Duet's afterwards, the progress pill included. */
  private showOriginal(): void {
    this.session?.setMode('original');
    this.originals?.hide();
    this.pill?.destroy();
    this.pill = undefined;
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
      this.translate('article', this.siteMode(), true);
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
    showMarks(next.debugMarks === true);
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
    if (this.session && this.session.getMode() !== 'original') applyTheme(this.doc, next);
    this.syncLearning();
  }

  /** Learning mode blurs translations in Bilingual when this site's (or the general) default says so. */
  private syncLearning(): void {
    const mode = this.session?.getMode();
    const on = mode === 'bilingual' && learningForSite(this.settings, location.hostname);
    const state: LearningState | null = on ? (this.revealedAll ? 'revealed' : 'hidden') : null;
    applyLearning(this.doc, state);
    this.pill?.setLearning(state);
  }

  /** The display mode of this page's site: its own, else the general one. */
  private siteMode(): TranslatingMode {
    return modeForSite(this.settings, location.hostname);
  }

  private target(): string {
    return resolveTarget(this.settings, browser.i18n.getUILanguage());
  }

  private status(): TabStatus {
    const status = this.session?.status();
    if (!status) {
      return this.lastStatus ?? { mode: 'original', isArticle: true, found: 0, translated: 0, fromCache: 0, failed: 0, pending: 0 };
    }
    return this.withExtractMode(status);
  }

  /** Marks a status of the whole page, so the popup and pill stop offering "Translate whole page" once used. */
  private withExtractMode(status: TabStatus): TabStatus {
    const lang = pageLanguage(this.doc);
    return {
      ...status,
      ...(this.session?.getExtractMode() === 'whole-page' ? { wholePage: true } : {}),
      ...(lang ? { pageLanguage: lang } : {}),
      ...(location.hostname ? { host: location.hostname } : {}),
    };
  }

  private onStatus(raw: TabStatus): void {
    const status = this.withExtractMode(raw);
    applyTheme(this.doc, status.mode === 'original' ? null : this.settings);
    this.lastStatus = status;
    this.syncLearning();
    this.pill?.update(status);
    sendToBackground({ type: 'reportStatus', status }).catch(() => {
      // The background restarts now and then; the next report gets through.
    });
  }
}
