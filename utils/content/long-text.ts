import { PIECE_SEPARATOR } from '../messaging/protocol';

/**
 * Most paragraphs fit in one provider request, but some blocks do not: an old CMS body that is one
 * element with <br>s, a legal notice, a transcript. Such a block is sent in pieces cut at sentence
 * ends (or, failing that, at spaces); the unit's record collects the pieces' answers and joins them
 * (unit-lifecycle.ts).
 */
export const MAX_PIECE_CHARS = 4_000;

/** Sentence ends in Latin, CJK, Arabic and Devanagari scripts, followed by space or the end. */
const SENTENCE_END = /[.!?。！？؟।]["'”’»)\]]*(\s+|$)/gu;

export function splitLongText(text: string, max = MAX_PIECE_CHARS): string[] {
  if (text.length <= max) return [text];
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = 0;
    for (const m of window.matchAll(SENTENCE_END)) cut = m.index + m[0].length;
    if (cut < max / 4) cut = window.lastIndexOf(' ') + 1; // no sentence end in reach: cut at a space
    if (cut <= 0) cut = max; // one endless word (a URL, a CJK run without punctuation)
    if (/[\uD800-\uDBFF]/.test(rest[cut - 1] ?? '')) cut -= 1; // never split a surrogate pair (emoji, rare CJK)
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut);
  }
  if (rest.trim()) pieces.push(rest.trim());
  return pieces.filter((p) => p.length > 0);
}

/** Languages written without spaces between words: their pieces join with nothing between them. */
const NO_SPACES = /^(zh|ja|th|lo|km|my)\b/i;

export function pieceJoiner(targetLanguage: string): string {
  return NO_SPACES.test(targetLanguage) ? '' : ' ';
}

/**
 * Wire ids: what goes on the port for one ask of one unit. `d12` (first revision), `d12.3` (the page
 * changed its text three times), and `d12.3~0`, `d12.3~1`… for the pieces of a long one.
 */
export interface WireRef {
  id: string;
  revision: number;
  piece?: { index: number; count: number };
}

export function wireItems(id: string, revision: number, text: string, max = MAX_PIECE_CHARS): { id: string; text: string }[] {
  const base = revision ? `${id}.${revision}` : id;
  const pieces = splitLongText(text, max);
  if (pieces.length === 1) return [{ id: base, text }];
  return pieces.map((piece, i) => ({ id: `${base}${PIECE_SEPARATOR}${i}/${pieces.length}`, text: piece }));
}

export function wireIdsOf(id: string, revision: number, text: string, max = MAX_PIECE_CHARS): string[] {
  return wireItems(id, revision, text, max).map((item) => item.id);
}

export function parseWireId(wireId: string): WireRef | undefined {
  const m = /^([^.~]+)(?:\.(\d+))?(?:~(\d+)\/(\d+))?$/.exec(wireId);
  if (!m) return undefined;
  const ref: WireRef = { id: m[1]!, revision: m[2] ? Number(m[2]) : 0 };
  if (m[3] !== undefined) ref.piece = { index: Number(m[3]), count: Number(m[4]) };
  return ref;
}
