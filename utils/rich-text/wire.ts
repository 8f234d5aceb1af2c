import { decodeEntities } from '../translate/html-text';

/**
 * Duet's markup form as strings (no DOM: the background's service worker has none). A unit's markup is
 * its text with `& < >` escaped and its kept inline elements as numbered placeholder tags:
 * `Lesen Sie <a0>hier als PDF</a0>, <b1>jetzt</b1>.`, line breaks as `<br>`.
 * Providers with an HTML mode take it as is; text-only providers get markupToPlain() and answer through
 * plainToMarkup().
 */

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Our placeholder tags and <br> (and any tag-like run a provider adds, for the plain-text view). */
const ANY_TAG = /<\/?[A-Za-z][^<>]*>/g;
const BR = /<br\s*\/?>/gi;

/** Markup → the plain text a text-only provider translates: tags dropped, <br> as a newline, entities decoded. */
export function markupToPlain(markup: string, br = '\n'): string {
  return decodeEntities(markup.replace(BR, br).replace(ANY_TAG, ''));
}

/** A plain translation back into markup: every character is text (newlines become <br>). */
export function plainToMarkup(text: string): string {
  return escapeText(text).replace(/\r?\n/g, '<br>');
}

const PLACEHOLDER = /<(\/?)([a-z]+)(\d+)\s*\/?>/gi;
const MARKUP_ONLY = /<\/?[a-z]+\d+>|<br>/g;
const ENTITY = /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi;

/**
 * Characters of text a markup string carries (placeholders and <br> not counted, an entity as one):
 * what request packing charges, so sending markup never makes more requests than plain text did.
 */
export function textLength(markup: string): number {
  return markup.replace(MARKUP_ONLY, '').replace(ENTITY, '_').length;
}

/** Whether the markup carries any placeholder tag (a unit without inline elements has none). */
export function hasPlaceholders(markup: string): boolean {
  PLACEHOLDER.lastIndex = 0;
  return PLACEHOLDER.test(markup);
}

/** The placeholder tags of a markup string, sorted (`["</a0>", "</b1>", "<a0>", "<b1>"]`): equal lists mean same tags. */
export function placeholderSignature(markup: string): string[] {
  return [...markup.matchAll(PLACEHOLDER)].map((m) => `<${m[1]}${m[2]!.toLowerCase()}${Number(m[3])}>`).sort();
}
