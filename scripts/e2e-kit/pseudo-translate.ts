/**
 * The deterministic "translation" the fake providers answer with. Tests compute the expected
 * translation of a unit with the same function, so a test can say exactly which text must sit
 * beside which original.
 */

/** `⟪de⟫ Some text`: readable in screenshots and clearly not the original. */
export function pseudoTranslate(text: string, target: string): string {
  return `⟪${target}⟫ ${text}`;
}

/** Whitespace-normalised text, the way fixtures' expected.json files write unit texts. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// A handful of very common German function words: enough to tell the krone fixture's German
// comments and navigation from its English article, which is all the fake's detection needs.
const GERMAN_WORDS = /\b(der|die|das|und|ist|nicht|mit|sich|den|von|für|auf|unserer|wir|ihnen|bitte|zur)\b/gi;

/** Crude source-language guess the fake reports as "detected language" ('de' or 'en'). */
export function guessLanguage(text: string): string {
  const hits = text.match(GERMAN_WORDS)?.length ?? 0;
  const words = text.split(/\s+/).filter(Boolean).length || 1;
  return hits / words > 0.08 || /[äöüß]/i.test(text) ? 'de' : 'en';
}

/** Undo HTML escaping: the translateHtml endpoint takes and returns HTML text. */
export function unescapeHtml(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

/** Escape `& < >` the way Google's translateHtml answers (quotes come back as they went in). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
