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

/**
 * The most common function words of the languages the fixtures are in: enough for the fake to report
 * the text's real language the way Google does ("detected source language"), so Duet leaves text that is
 * already in the target language alone — and translates a Spanish page into English (the README's demo).
 * Words that two languages share ("de", "la", "a") are kept in both; the ratio decides.
 */
const FUNCTION_WORDS: Record<string, RegExp> = {
  en: /\b(the|and|of|to|is|in|that|it|was|for|with|on|are|as|this|by|have|from|be)\b/gi,
  de: /\b(der|die|das|und|ist|nicht|mit|sich|den|von|für|auf|unserer|wir|ihnen|bitte|zur|ein|eine|dem|des|im)\b/gi,
  es: /\b(el|la|los|las|de|del|que|y|en|un|una|es|por|con|para|se|su|al|lo|como|más|pero)\b/gi,
  fr: /\b(le|la|les|des|de|du|et|est|une|un|que|qui|dans|pour|pas|sur|au|aux|avec|ce|il|elle|sont)\b/gi,
  it: /\b(il|lo|la|gli|le|di|del|della|che|e|è|un|una|per|non|con|nel|nella|sono|si|da|al|alla)\b/gi,
  pt: /\b(o|os|as|de|do|da|dos|das|que|e|em|um|uma|para|com|não|no|na|por|se|mais|ao)\b/gi,
};

/** Source-language guess the fake reports as "detected language": script first, then function words. */
export function guessLanguage(text: string): string {
  if (/[\u0600-\u06ff]/.test(text)) return 'ar';
  if (/[\u3040-\u30ff]/.test(text)) return 'ja';
  if (/[\uac00-\ud7af]/.test(text)) return 'ko';
  if (/[\u4e00-\u9fff]/.test(text)) return 'zh-CN';
  if (/[\u0400-\u04ff]/.test(text)) return 'ru';
  const words = text.split(/\s+/).filter(Boolean).length || 1;
  let best = 'en';
  let bestScore = 0;
  for (const [lang, re] of Object.entries(FUNCTION_WORDS)) {
    let score = (text.match(re)?.length ?? 0) / words;
    if (lang === 'de' && /[äöüß]/i.test(text)) score += 0.1;
    if ((lang === 'es' && /[ñ¿¡]/i.test(text)) || (lang === 'pt' && /[ãõ]/i.test(text)) || (lang === 'fr' && /[œç]|\b[dlj]'/i.test(text))) score += 0.1;
    if (score > bestScore) [best, bestScore] = [lang, score];
  }
  return bestScore > 0.05 ? best : 'en';
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

/** Markup as plain text: placeholder tags out (<br> as a space, as the unit's text has it), entities decoded. */
export function plainOf(markup: string): string {
  return unescapeHtml(markup.replace(/<br\s*\/?>/gi, ' ').replace(/<\/?[A-Za-z][^<>]*>/g, ''));
}
