/**
 * The inline elements a translation keeps (issue 11), as data. Everything not listed here is sent and
 * shown as its text only. Wire names are short so the markup costs few characters, and numbered on the
 * wire (`<b1>…</b1>`) so each tag maps back to exactly one original element.
 */

/** Original tag (upper case) → the name its placeholder carries on the wire. */
export const WIRE_NAME: Readonly<Record<string, string>> = {
  A: 'a',
  STRONG: 'b',
  B: 'b',
  EM: 'i',
  I: 'i',
  U: 'u',
  S: 's',
  STRIKE: 's',
  SUB: 'sub',
  SUP: 'sup',
  CODE: 'code',
  MARK: 'mark',
  SMALL: 'small',
  ABBR: 'abbr',
  Q: 'q',
};

/**
 * Attributes copied from the ORIGINAL element onto its rebuilt copy; nothing from the provider's answer is
 * ever copied. A link opens as the original would (same href, target, rel); an abbreviation keeps its
 * expansion. No `style`, no `on*`, no `class` or `id` (page CSS and scripts aimed at them stay on the page's own nodes).
 */
export const COPIED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  A: ['href', 'target', 'rel', 'hreflang', 'referrerpolicy'],
  ABBR: ['title'],
};

/** A link is rebuilt only when its original points at one of these (never javascript:, data:, blob:, vbscript:). */
export const SAFE_LINK_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * Longest translation shown, as a multiple of the source markup's length (plus a floor for short texts):
 * far above any real language's growth (CJK → English is about ×3 in characters), far below a runaway or
 * hostile answer (a megabyte for a 150-character paragraph).
 */
export const MAX_GROWTH = 6;
export const MIN_CAP_CHARS = 400;

/** Rebuilt elements nest at most this deep; deeper provider markup is shown as its text. */
export const MAX_DEPTH = 16;

/**
 * Version of the markup form sent to providers: part of every cache key (utils/cache/key.ts), so a
 * change here never serves a translation made from another form.
 */
export const MARKUP_VERSION = 'inline-tags-v1';
