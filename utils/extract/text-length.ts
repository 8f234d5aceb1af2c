/**
 * Script-aware text lengths (issue 10). Thresholds written for English ("80 characters", "4 words") would make
 * every Japanese, Chinese or Thai paragraph a fragment: those scripts write no spaces, and one character carries
 * what several Latin letters do. So lengths are counted in words — space-separated words for scripts that use
 * spaces, and `Intl.Segmenter`'s words for the ones that don't (dictionary-based in every target browser and in
 * Node) — and, where a threshold is in characters, in Latin-equivalent characters (SCRIPT_WEIGHTS).
 */

/** Scripts written without spaces between words. */
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
/**
 * Latin letters one character is worth, per script (what a threshold in English characters means there):
 * a Chinese character is about a word, kana and Hangul syllables about a syllable, a Thai letter a little more
 * than a Latin one (no spaces, vowels written as marks). A Japanese news paragraph of 44–94 characters weighs
 * 130–330, as an English one of two or three lines does.
 */
export const SCRIPT_WEIGHTS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\p{sc=Han}/gu, 4],
  [/[\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/gu, 3],
  [/[\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/gu, 1.5],
];
/** Any character of a weighted script (a quick test before counting each script). */
const WEIGHTED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

/** What the weighted scripts add to a text's plain length. */
function extraWeight(text: string): number {
  if (!WEIGHTED.test(text)) return 0;
  let extra = 0;
  for (const [re, weight] of SCRIPT_WEIGHTS) extra += (text.match(re)?.length ?? 0) * (weight - 1);
  return extra;
}
/** Latin letters an English word takes on average, spaces included (to turn character counts into words). */
export const CHARS_PER_WORD = 6;
const SPACED_WORD = /[\p{L}\p{N}]+/gu;

let segmenter: Intl.Segmenter | null | undefined;
function wordSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'word' }) : null;
  return segmenter;
}

/** Words in `text`, in any script. */
export function wordCount(text: string): number {
  if (!UNSPACED.test(text)) return text.match(SPACED_WORD)?.length ?? 0;
  const seg = wordSegmenter();
  if (!seg) return Math.ceil(weightedLength(text) / CHARS_PER_WORD);
  let n = 0;
  for (const s of seg.segment(text)) if (s.isWordLike) n++;
  return n;
}

const SPACE = /\s/g;

/**
 * Length in Latin-equivalent characters, spaces left out (as the detector's raw counts are): a CJK or Hangul
 * character counts as SCRIPT_WEIGHTS says.
 */
export function weightedLength(text: string): number {
  const spaces = text.match(SPACE)?.length ?? 0;
  return text.length - spaces + extraWeight(text);
}

/** Like weightedLength, spaces included (for thresholds written against whole text lengths). */
export function weightedTextLength(text: string): number {
  return text.length + extraWeight(text);
}
