/**
 * A block's text WITH its kept inline elements (links, emphasis, code, footnote marks…) as Duet's markup
 * form (utils/rich-text/wire.ts): what is sent for translation so links and emphasis come back.
 * blockText() (./block-text.ts) stays the plain text the detector and the filters read; this walk reads
 * the same nodes, so markupToPlain(blockMarkup(el).markup), whitespace-normalised, equals blockText(el),
 * except for inline code: blockText() leaves <code> out (it is not translated), while here it travels as
 * `<code3>npm install</code3>` so the sentence reads whole; the rebuild shows the original's code text,
 * never the provider's (see withoutCode()).
 */
import { escapeText } from '../rich-text/wire';
import { WIRE_NAME } from '../rich-text/inline-tags';
import { isHardSkipped, pageChildren } from './skip';

export interface BlockMarkup {
  /** Escaped text with numbered placeholders: `Lesen Sie <a0>hier</a0>.` */
  markup: string;
  /** `inline[n]` is the page element behind placeholder n (some numbers may be unused: empty elements are left out). */
  inline: Element[];
}

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'open' | 'close'; name: string; index: number }
  | { kind: 'br' };

export function blockMarkup(el: Element): BlockMarkup {
  const inline: Element[] = [];
  const tokens: Token[] = [];
  const walk = (node: Element): void => {
    for (const c of pageChildren(node)) {
      if (c.nodeType === 3) tokens.push({ kind: 'text', text: c.nodeValue ?? '' });
      else if (c.nodeType === 1) {
        const child = c as Element;
        const tag = child.tagName.toUpperCase();
        if (tag === 'BR') tokens.push({ kind: 'br' });
        else if (tag === 'CODE' && isShownCode(child)) {
          const index = inline.push(child) - 1;
          tokens.push({ kind: 'open', name: WIRE_NAME.CODE!, index }, { kind: 'text', text: child.textContent ?? '' }, { kind: 'close', name: WIRE_NAME.CODE!, index });
        } else if (isHardSkipped(child)) continue;
        else if (WIRE_NAME[tag]) {
          const name = WIRE_NAME[tag]!;
          const index = inline.push(child) - 1;
          tokens.push({ kind: 'open', name, index });
          walk(child);
          tokens.push({ kind: 'close', name, index });
        } else walk(child); // any other element (span, font, cite, time…) is its text
      }
    }
  };
  walk(el);
  return { markup: render(normalise(tokens)), inline };
}

/** Inline code the reader sees (not hidden, not marked "do not translate"): kept as a placeholder with its text. */
function isShownCode(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return false;
  return !/(^|\s)(notranslate|hidden|sr-only|visually-hidden)(\s|$)/.test(el.getAttribute('class') ?? '');
}

/** The markup without inline code's text: what blockText() reads of the same block. */
export function withoutCode(markup: string): string {
  return markup.replace(/<code(\d+)>[\s\S]*?<\/code\1>/g, ' ');
}

/**
 * Whitespace as blockText() has it (runs collapsed, trimmed), across tag boundaries; elements left with
 * no text (an image-only link) and line breaks at either end are dropped.
 */
function normalise(tokens: Token[]): Token[] {
  const out: Token[] = [];
  let afterSpace = true; // the start counts as a space: leading whitespace goes
  for (const t of tokens) {
    if (t.kind === 'text') {
      let text = t.text.replace(/\s+/g, ' ');
      if (afterSpace && text.startsWith(' ')) text = text.slice(1);
      if (!text) continue;
      out.push({ kind: 'text', text });
      afterSpace = text.endsWith(' ');
    } else if (t.kind === 'br') {
      const last = out.at(-1);
      if (last?.kind === 'text') last.text = last.text.replace(/ $/, ''); // "a <br> b" reads "a<br>b"
      if (last?.kind === 'text' && !last.text) out.pop();
      out.push(t);
      afterSpace = true; // blockText() reads <br> as a space
    } else if (t.kind === 'close') {
      const last = out.at(-1);
      if (last?.kind === 'open' && last.index === t.index) out.pop(); // empty element
      else out.push(t);
    } else out.push(t);
  }
  // Trailing whitespace and line breaks at the end (before any closing tags), then line breaks at the start.
  for (let i = out.length - 1; i >= 0; i--) {
    const t = out[i]!;
    if (t.kind === 'close') continue;
    if (t.kind === 'br') {
      out.splice(i, 1);
      continue;
    }
    if (t.kind === 'text') {
      t.text = t.text.replace(/ $/, '');
      if (!t.text) {
        out.splice(i, 1);
        continue;
      }
    }
    break;
  }
  while (out[0]?.kind === 'br') out.shift();
  return dropEmptyElements(out);
}

function render(tokens: Token[]): string {
  let s = '';
  for (const t of tokens) {
    if (t.kind === 'text') s += escapeText(t.text);
    else if (t.kind === 'br') s += '<br>';
    else s += t.kind === 'open' ? `<${t.name}${t.index}>` : `</${t.name}${t.index}>`;
  }
  return s;
}

/** `<b1></b1>` left behind by trimming (also nested: `<a0><b1></b1></a0>`). */
function dropEmptyElements(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const last = out.at(-1);
    if (t.kind === 'close' && last?.kind === 'open' && last.index === t.index) out.pop();
    else out.push(t);
  }
  return out;
}
