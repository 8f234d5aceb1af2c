/**
 * Writing direction of a target language. Only the primary subtag matters ("ar-EG" → "ar");
 * the list is the scripts written right to left among languages translation providers offer.
 */
const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb', 'syr']);

export function directionOf(lang: string): 'ltr' | 'rtl' {
  const primary = lang.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr';
}
