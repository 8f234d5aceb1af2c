import { PIECE_SEPARATOR } from '../messaging/protocol';

/**
 * Most paragraphs fit in one provider request, but some blocks do not: an old CMS body that is one
 * element with <br>s, a legal notice, a transcript. Such a block is sent in pieces cut at sentence
 * ends (or, failing that, at spaces) and the translations are joined again in order.
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

type Result = { id: string; text: string; detectedLanguage?: string; cached: boolean; sameLanguage?: true };

const PIECE = PIECE_SEPARATOR;

/**
 * Sends long units as pieces and puts their translations back together: the rest of the content
 * script only ever sees whole units.
 */
/** Languages written without spaces between words: their pieces join with nothing between them. */
const NO_SPACES = /^(zh|ja|th|lo|km|my)\b/i;

export class PieceAssembler {
  private readonly open = new Map<string, (Result | undefined)[]>();
  private readonly joiner: string;

  constructor(
    targetLanguage: string,
    private readonly max = MAX_PIECE_CHARS,
  ) {
    this.joiner = NO_SPACES.test(targetLanguage) ? '' : ' ';
  }

  /** What goes on the wire for one unit: itself, or one item per piece. */
  wire(id: string, text: string): { id: string; text: string }[] {
    const pieces = splitLongText(text, this.max);
    if (pieces.length === 1) return [{ id, text }];
    this.open.set(id, new Array<Result | undefined>(pieces.length).fill(undefined));
    return pieces.map((piece, i) => ({ id: `${id}${PIECE}${i}`, text: piece }));
  }

  /** The unit a wire id belongs to. */
  unitOf(wireId: string): string {
    const at = wireId.indexOf(PIECE);
    return at < 0 ? wireId : wireId.slice(0, at);
  }

  /** Wire ids of a unit still waiting for pieces (for cancelling), or the unit id itself. */
  wireIds(unitId: string): string[] {
    const parts = this.open.get(unitId);
    return parts ? parts.map((_, i) => `${unitId}${PIECE}${i}`) : [unitId];
  }

  /** A wire result in; the whole unit's result out once every piece is in (undefined until then). */
  collect(result: Result): Result | undefined {
    const unitId = this.unitOf(result.id);
    const parts = this.open.get(unitId);
    if (!parts || unitId === result.id) return result;
    parts[Number(result.id.slice(unitId.length + PIECE.length))] = result;
    if (parts.some((p) => p === undefined)) return undefined;
    this.open.delete(unitId);
    const done = parts as Result[];
    const whole: Result = { id: unitId, text: done.map((p) => p.text).join(this.joiner), cached: done.every((p) => p.cached) };
    if (done[0]!.detectedLanguage) whole.detectedLanguage = done[0]!.detectedLanguage;
    if (done.every((p) => p.sameLanguage)) whole.sameLanguage = true;
    return whole;
  }

  /** A unit failed or was cancelled: forget its pieces (a retry sends them again). */
  forget(unitId: string): void {
    this.open.delete(unitId);
  }
}
