// zod/mini: the same schemas at a quarter of the size; this file ships in the content script.
import * as z from 'zod/mini';
import { DisplayMode, ProviderIdSchema, SettingsSchema } from '../settings/schema';
import type { ProviderId } from '../translate/types';

/**
 * Every message Duet's parts exchange, in one file (STYLE.md §2). Each direction has a zod schema;
 * the receiving end parses with it and drops anything that does not match.
 *
 * - Port `PORT_TRANSLATE` (content script ⇄ background, one per frame): units go out in small
 *   batches, results stream back as they arrive.
 * - `runtime.sendMessage` (content script / popup / options → background): one-shot requests.
 * - `tabs.sendMessage` (popup / background → content script): mode switches and status queries.
 */
export const PORT_TRANSLATE = 'duet-translate';

const UnitId = z.string().check(z.minLength(1), z.maxLength(64));
const Lang = z.string().check(z.minLength(2), z.maxLength(35));
/** Separates a unit id from its piece number on the wire (`d12~0`, `d12~1`): long units travel in pieces. */
export const PIECE_SEPARATOR = '~';
/** Longest single text a content script may send; longer blocks are split before sending. */
export const MAX_UNIT_CHARS = 20_000;
/** Longest selection "Translate selection" takes (a few paragraphs); longer selections are cut at this length. */
export const MAX_SELECTION_CHARS = 5000;

// ── content script → background, over the port ──────────────────────────────
export const PortRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('translate'),
    units: z
      .array(z.object({ id: UnitId, text: z.string().check(z.minLength(1), z.maxLength(MAX_UNIT_CHARS)) }))
      .check(z.minLength(1), z.maxLength(500)),
    from: Lang,
    to: Lang,
  }),
  /** The page no longer needs these units (removed from the page, reader switched to Original). */
  z.object({ type: z.literal('cancel'), ids: z.array(UnitId).check(z.maxLength(5000)) }),
]);
export type PortRequest = z.infer<typeof PortRequestSchema>;

// ── background → content script, over the port ──────────────────────────────
export const ErrorInfoSchema = z.object({
  kind: z.string(),
  /** What happened and what to do, in words a reader understands (the service's own message where it gave one). */
  message: z.string(),
  /** Whether retrying can help; false: the message says what to change instead. */
  retryable: z.boolean(),
  /** 'page': the service failed (shown once for the page, one Retry); 'unit': this text failed (shown on the paragraph). */
  scope: z.optional(z.enum(['page', 'unit'])),
  /** Epoch ms when the service said it takes requests again (a capped Retry-After). */
  retryAt: z.optional(z.number()),
  /** The service that failed, by name. */
  service: z.optional(z.string()),
});
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

/** One unit's translation as the background reports it: the one definition of a unit result. */
export const UnitResultSchema = z.object({
  id: UnitId,
  text: z.string(),
  detectedLanguage: z.optional(z.string()),
  cached: z.boolean(),
  /** The text is already in the target language: nothing to show beside it. */
  sameLanguage: z.optional(z.literal(true)),
});
export type UnitResult = z.infer<typeof UnitResultSchema>;

export const PortResponseSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('translated'),
    results: z.array(UnitResultSchema),
    /**
     * Set when a service other than the chosen one translated these (the fallback chain): which one and
     * why, e.g. "Google Translate is refusing requests from this network right now; using Microsoft Translator."
     */
    notice: z.optional(z.string().check(z.maxLength(500))),
  }),
  z.object({ type: z.literal('failed'), ids: z.array(UnitId), error: ErrorInfoSchema }),
]);
export type PortResponse = z.infer<typeof PortResponseSchema>;

/** A tab's progress, as the popup and the badge show it. */
export const TabStatusSchema = z.object({
  /** Mode the page is shown in right now. */
  mode: DisplayMode,
  isArticle: z.boolean(),
  found: z.int().check(z.minimum(0)),
  translated: z.int().check(z.minimum(0)),
  fromCache: z.int().check(z.minimum(0)),
  failed: z.int().check(z.minimum(0)),
  pending: z.int().check(z.minimum(0)),
  /** Language the provider detected for most units, once known. */
  detectedLanguage: z.optional(z.string()),
  /** The reader asked for the whole page (not just the article): "Translate whole page" is done. */
  wholePage: z.optional(z.boolean()),
  /** The language the page declares (`<html lang>`), for the popup's "always translate pages in …". */
  pageLanguage: z.optional(z.string()),
  /** The page's hostname, for the popup's site rules when the browser does not give it the tab's URL. */
  host: z.optional(z.string().check(z.maxLength(253))),
  /** Units found already in the target language (nothing shown beside them). */
  sameLanguage: z.optional(z.int().check(z.minimum(0))),
  /** Which service translated and why it is not the chosen one (fallback chain). */
  notice: z.optional(z.string()),
  /** A failure of the service for the whole page: said once, with one Retry where it can help. */
  problem: z.optional(ErrorInfoSchema),
});
export type TabStatus = z.infer<typeof TabStatusSchema>;

// ── anything of ours → background, one-shot ─────────────────────────────────
export const RuntimeRequestSchema = z.discriminatedUnion('type', [
  /** Settings without secrets: the only way a content script learns them. */
  z.object({ type: z.literal('getSettings') }),
  /** A content script's first message: its settings, and what Duet remembers of this page (page-memory.ts). */
  z.object({ type: z.literal('startPage') }),
  /** Content script reports its progress so the action badge can show it. */
  z.object({ type: z.literal('reportStatus'), status: TabStatusSchema }),
  /** Options page: translate a sample sentence with the given provider and its saved settings. */
  z.object({ type: z.literal('testConnection'), provider: ProviderIdSchema }),
  /** Popup / options: which providers exist, whether each is usable, and the languages each offers. */
  z.object({ type: z.literal('getProviders') }),
  z.object({ type: z.literal('getCacheStats') }),
  z.object({ type: z.literal('clearCache') }),
]);
export type RuntimeRequest = z.infer<typeof RuntimeRequestSchema>;

// ── popup / background → content script, one-shot ───────────────────────────

export const TabRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('getStatus') }),
  z.object({ type: z.literal('setMode'), mode: DisplayMode }),
  /** Shortcut / context menu: translate when showing Original, else back to Original. */
  z.object({ type: z.literal('toggle') }),
  /** Translate the visible main text blocks even though the page is not an article. */
  z.object({ type: z.literal('translateWholePage') }),
  /** Retry every unit that failed. */
  z.object({ type: z.literal('retryFailed') }),
  /** Pushed by the background when settings change (content scripts cannot read storage). */
  z.object({ type: z.literal('settingsChanged'), settings: SettingsSchema }),
  /** Context menu "Translate selection": the answer, shown in a popover by the selection. */
  z.object({
    type: z.literal('showSelection'),
    original: z.string().check(z.maxLength(MAX_SELECTION_CHARS)),
    translation: z.optional(z.string()),
    /** Language of the translation, for the popover's lang attribute. */
    lang: z.optional(Lang),
    error: z.optional(ErrorInfoSchema),
  }),
]);
export type TabRequest = z.infer<typeof TabRequestSchema>;

/** Response types per request, so callers get concrete types back. */
export interface ProviderInfo {
  id: ProviderId;
  label: string;
  /** False when the provider cannot work yet (missing key or URL, API absent); `reason` says why. */
  usable: boolean;
  reason?: string;
  /** Target languages offered; empty when the provider could not list them (then any code is tried). */
  targetLanguages: string[];
  /**
   * Set while the provider is known not to work (a failed test or translation), until a test or a
   * translation succeeds: the reason, in the service's words.
   */
  failing?: string;
}
export type TestConnectionResult =
  | { ok: true; sample: string; translation: string; ms: number }
  | { ok: false; error: ErrorInfo };
export interface CacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
}

/** One translation a page showed lately, keyed by its original text. */
export interface RememberedTranslation {
  source: string;
  text: string;
  detectedLanguage?: string;
  sameLanguage?: true;
}
export interface StartPageResponse {
  settings: z.infer<typeof SettingsSchema>;
  /** Translations this page showed lately, for exactly this provider and language pair. */
  remembered?: { provider: ProviderId; from: string; to: string; translations: RememberedTranslation[] };
}

export interface RuntimeResponses {
  getSettings: z.infer<typeof SettingsSchema>;
  startPage: StartPageResponse;
  reportStatus: void;
  testConnection: TestConnectionResult;
  getProviders: ProviderInfo[];
  getCacheStats: CacheStats;
  clearCache: CacheStats;
}
export interface TabResponses {
  getStatus: TabStatus;
  setMode: TabStatus;
  toggle: TabStatus;
  translateWholePage: TabStatus;
  retryFailed: TabStatus;
  settingsChanged: void;
  showSelection: void;
}
