/** The references: plain @mozilla/readability and defuddle on the parsed page, output text with block boundaries kept. */
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { blockText } from './block-text';

/** Mutates `doc` (Readability does): give it a document of its own. */
export function readabilityText(doc: Document): string {
  const article = new Readability(doc, { serializer: (el: Node) => el }).parse();
  const content = article?.content as unknown as Node | null | undefined;
  return content ? blockText(content) : '';
}

/** Mutates `doc` too. Defuddle returns HTML: read back as text in a detached element of the same document (scripts in it never run). */
export function defuddleText(doc: Document, url: string): string {
  // Defuddle logs every malformed JSON-LD block it meets; the benchmark's output is the tables.
  const quiet = { error: console.error, warn: console.warn, log: console.log };
  console.error = console.warn = console.log = () => {};
  let html = '';
  try {
    html = new Defuddle(doc, { url }).parse().content ?? '';
  } finally {
    Object.assign(console, quiet);
  }
  const holder = doc.createElement('div');
  holder.innerHTML = html;
  return blockText(holder);
}
