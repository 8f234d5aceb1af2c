/**
 * Caption text: what of a caption is translated (not its photo credit, not its "less" toggle), and which
 * captions are the same caption again (a gallery's second layout, a shortened copy beside the full one).
 */
import type { Block } from './collect-blocks';
import { CAPTION_COLLAPSE, CAPTION_SHORTENED, CAPTION_TRAILING_CREDIT, TRAILING_CREDIT } from './rules';

/** The text a unit sends for translation: a photo credit at its end is left out; never empties a text. */
export function unitText(text: string, kind: Block['kind']): string {
  let out = text;
  if (kind === 'caption') out = out.replace(CAPTION_COLLAPSE, '');
  out = out.replace(TRAILING_CREDIT, '');
  if (kind === 'caption') out = out.replace(CAPTION_TRAILING_CREDIT, '');
  return out || text;
}

/**
 * A caption seen again is the same photo in a gallery, lightbox or second layout: translated once. So is a
 * shortened copy ("… The Islanders ... more") when the full caption is on the page too.
 * (Other repeated text stays: a meal plan or an interview repeats lines on purpose.)
 */
export function dropRepeatedCaptions(blocks: Block[], textOf: (b: Block) => string): Block[] {
  const captions = blocks.filter((b) => b.kind === 'caption').map(textOf);
  const seen = new Set<string>();
  return blocks.filter((b) => {
    if (b.kind !== 'caption') return true;
    const text = textOf(b);
    if (seen.has(text)) return false;
    seen.add(text);
    const shortened = CAPTION_SHORTENED.test(text) ? text.replace(CAPTION_SHORTENED, '') : '';
    return !(shortened.length > 0 && captions.some((c) => c !== text && c.startsWith(shortened)));
  });
}
