import { markupToPlain, placeholderSignature, plainToMarkup } from './wire';

/**
 * Chat models have no HTML mode: they get Duet's numbered placeholder tags with an instruction, and each
 * answer is checked (issue 11). Part of the OpenAI-compatible provider's cache key: bump on any change.
 */
export const LLM_MARKUP_VERSION = 'tags-v1';

export function markupInstruction(): string {
  return [
    'Segment texts are HTML fragments: "&amp;", "&lt;" and "&gt;" stand for "&", "<" and ">"; write them the same way.',
    'They may hold numbered inline tags such as <a0>…</a0>, <b1>…</b1>, <i2>…</i2> and <br>. Keep every tag exactly as',
    'written, once each, around the words that translate the words it wrapped (you may move it with them); never add,',
    'rename, renumber or drop a tag, and never add attributes.',
  ].join('\n');
}

/**
 * A model's translation of one segment, kept only if it carries exactly the source's placeholder tags;
 * otherwise its words are kept as plain text (no link is better than a link on the wrong words).
 */
export function checkedTranslation(sourceMarkup: string, translated: string): string {
  const expected = placeholderSignature(sourceMarkup);
  const got = placeholderSignature(translated);
  if (expected.length === got.length && expected.every((tag, i) => tag === got[i])) return translated;
  return plainToMarkup(markupToPlain(translated, ' ').replace(/\s+/g, ' ').trim());
}
