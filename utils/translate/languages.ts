/**
 * Language-code conversions shared by providers. Our codes are lowercase BCP 47 with an optional
 * region (settings schema), e.g. "de", "pt-br", "zh-tw".
 */

/** "pt-br" → "pt-BR" (region upper-cased), script subtags title-cased ("zh-hant" → "zh-Hant"). */
export function canonicalTag(code: string): string {
  const [lang = '', ...rest] = code.split('-');
  const subtags = rest.map((part) => (part.length === 4 ? part[0]!.toUpperCase() + part.slice(1).toLowerCase() : part.length <= 3 ? part.toUpperCase() : part));
  return [lang.toLowerCase(), ...subtags].join('-');
}

/** Primary language subtag: "pt-BR" → "pt". */
export function baseLanguage(code: string): string {
  return (code.split('-')[0] ?? code).toLowerCase();
}

/** Legacy codes some services still report, mapped to today's. */
const LEGACY: Record<string, string> = { iw: 'he', jw: 'jv', in: 'id', ji: 'yi', mo: 'ro' };

/** A language code a service reported, normalised to our form ("EN-US" → "en-us", "iw" → "he"). */
export function normaliseDetected(code: unknown): string | undefined {
  if (typeof code !== 'string' || !/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(code)) return undefined;
  const lower = code.replace(/_/g, '-').toLowerCase();
  const base = baseLanguage(lower);
  return LEGACY[base] ? lower.replace(base, LEGACY[base]!) : lower;
}
