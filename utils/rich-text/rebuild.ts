import { COPIED_ATTRIBUTES, MAX_DEPTH, MAX_GROWTH, MIN_CAP_CHARS, SAFE_LINK_PROTOCOLS, WIRE_NAME } from './inline-tags';

/**
 * A provider's translated markup → nodes for the translation element, built only from Duet's whitelist.
 *
 * The answer is parsed by the browser's own HTML parser into an inert document (DOMParser: no browsing
 * context, scripting disabled, nothing fetched, no handler ever runs), and that tree is only READ: its
 * nodes are never adopted into the page. For each placeholder `<b1>` that names an original inline
 * element of the same kind, a fresh element of the original's tag is created in the page document with
 * attributes copied from the ORIGINAL (a link's href is the original link's, never the provider's); every
 * other element the answer holds (unknown, forged, duplicated, renumbered, script, svg, math, img…) is
 * replaced by its text. No DOMPurify: it sanitises HTML it then lets through, while here no provider
 * element, attribute or URL ever reaches the page, so there is nothing for it to clean.
 */

export interface RebuildSource {
  /** The markup that was sent: its length caps the answer's. */
  markup: string;
  /** `inline[n]` is the original element behind placeholder n. */
  inline: readonly Element[];
}

/** Text kept of an answer for this source: a sane multiple of the source (see MAX_GROWTH). */
export function capAnswer(answer: string, sourceMarkup: string): string {
  const cap = Math.max(MIN_CAP_CHARS, sourceMarkup.length * MAX_GROWTH);
  return answer.length <= cap ? answer : `${answer.slice(0, cap)}…`;
}

const PLACEHOLDER_NAME = /^([a-z]+)(\d{1,4})$/;
/** Elements whose content is code or a template, never reading text. */
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'frameset']);

export function rebuildTranslation(doc: Document, answer: string, source: RebuildSource): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  const Parser = doc.defaultView?.DOMParser ?? globalThis.DOMParser;
  const parsed = new Parser().parseFromString(`<!doctype html><body>${capAnswer(answer, source.markup)}`, 'text/html');
  const used = new Set<number>();
  let breaks = source.markup.match(/<br>/g)?.length ?? 0;

  const copyOf = (original: Element): Element | null => {
    const tag = original.tagName.toUpperCase();
    const copy = doc.createElement(tag.toLowerCase());
    for (const name of COPIED_ATTRIBUTES[tag] ?? []) {
      const value = original.getAttribute(name);
      if (value !== null) copy.setAttribute(name, value);
    }
    if (tag === 'A' && !isSafeLink(original, doc)) return null;
    return copy;
  };

  const build = (from: Node, into: Node, depth: number, inLink: boolean): void => {
    for (let node = from.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        into.appendChild(doc.createTextNode(node.nodeValue ?? ''));
        continue;
      }
      if (node.nodeType !== 1) continue; // comments, processing instructions: nothing
      const el = node as Element;
      const name = el.localName.toLowerCase();
      if (DROPPED.has(name)) continue;
      if (name === 'br') {
        // As many line breaks as the original had; invented ones read as a space.
        into.appendChild(breaks-- > 0 ? doc.createElement('br') : doc.createTextNode(' '));
        continue;
      }
      if (depth >= MAX_DEPTH) {
        into.appendChild(doc.createTextNode(el.textContent ?? ''));
        continue;
      }
      const original = placeholderTarget(name, source.inline, used);
      const isLink = original?.tagName.toUpperCase() === 'A';
      const copy = original && !(isLink && inLink) ? copyOf(original) : null;
      if (copy && original) {
        used.add(source.inline.indexOf(original));
        into.appendChild(copy);
        // Code is never translated: the original's code text, wherever the provider put the tag.
        if (original.tagName.toUpperCase() === 'CODE') copy.textContent = (original.textContent ?? '').replace(/\s+/g, ' ').trim();
        else build(el, copy, depth + 1, inLink || isLink);
      } else {
        build(el, into, depth + 1, inLink); // not ours, or already used: its text only
      }
    }
  };
  // <head> may hold what the parser moved there (<title>, <meta>, <style>): only <body> is read.
  if (parsed.body) build(parsed.body, fragment, 0, false);
  return fragment;
}

/** The original element a placeholder name (`a0`, `b12`) stands for, when the name fits and it is unused. */
function placeholderTarget(name: string, inline: readonly Element[], used: ReadonlySet<number>): Element | undefined {
  const m = PLACEHOLDER_NAME.exec(name);
  if (!m) return undefined;
  const index = Number(m[2]);
  const original = inline[index];
  if (!original || used.has(index) || WIRE_NAME[original.tagName.toUpperCase()] !== m[1]) return undefined;
  return original;
}

function isSafeLink(original: Element, doc: Document): boolean {
  const href = original.getAttribute('href');
  if (href === null) return true; // an anchor without href: a plain inline element
  try {
    return SAFE_LINK_PROTOCOLS.has(new URL(href, original.ownerDocument.baseURI || doc.baseURI).protocol);
  } catch {
    return false;
  }
}
