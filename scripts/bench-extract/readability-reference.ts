/** The reference: plain @mozilla/readability on the parsed page, its output text with block boundaries kept. */
import { Readability } from '@mozilla/readability';
import { blockText } from './block-text';

/** Mutates `doc` (Readability does); run it after Duet's extraction on the same document. */
export function readabilityText(doc: Document): string {
  const article = new Readability(doc, { serializer: (el: Node) => el }).parse();
  const content = article?.content as unknown as Node | null | undefined;
  return content ? blockText(content) : '';
}
