/**
 * One owner for a unit's life (STYLE.md §13). A unit is one record — its element, a snapshot of its
 * text, its phase, its translation or error — and everything that happens to it is an event. Each
 * event moves the record by a pure transition and yields effects for the port (ask, cancel), the
 * viewport scheduler (observe, unobserve) and the renderer (placeholder, show, show-error, unrender).
 * Nothing here touches the DOM, a timer or the network: the session carries the effects out.
 *
 *   found ──due──▶ asked ──result──▶ shown
 *     │             │ └──failure──▶ failed ──retry──▶ asked
 *     │  (Original) └──▶ due ──(back to a translated mode)──▶ asked
 *     └─ removed (from any phase) ──▶ gone
 *   A text change makes a known unit's translation stale: asked again under a new revision.
 */
import type { UnitKind } from '../extract/types';

export type Phase = 'found' | 'due' | 'asked' | 'shown' | 'failed' | 'gone';
/** What the renderer currently holds for the unit (the record knows what it told the renderer). */
export type Rendered = 'nothing' | 'placeholder' | 'translation' | 'error';

export interface Translation {
  text: string;
  cached: boolean;
  sameLanguage: boolean;
  detectedLanguage?: string;
}

export interface UnitRecord {
  readonly id: string;
  readonly element: Element;
  readonly kind: UnitKind;
  readonly containsUnits?: true;
  /** The text as last read from the page: what is (or will be) asked for. */
  readonly text: string;
  /** Bumped by every text change; answers to an older revision are stale and dropped. */
  readonly revision: number;
  readonly phase: Phase;
  readonly rendered: Rendered;
  readonly translation?: Translation;
  readonly error?: string;
  /** The failure gets no Retry of its own (the page shows one for a service failure, or retrying cannot help). */
  readonly noRetry?: true;
  /** Pieces of a long unit's answer collected so far (long-text.ts), for the asked revision. */
  readonly pieces?: readonly (PieceAnswer | undefined)[];
}

export interface PieceAnswer {
  text: string;
  cached: boolean;
  sameLanguage?: true;
  detectedLanguage?: string;
}

export type UnitEvent =
  | { type: 'due' }
  | { type: 'removed' }
  | { type: 'text-changed'; text: string }
  /** The answer has not come within the placeholder delay. */
  | { type: 'slow' }
  | { type: 'result'; revision: number; answer: PieceAnswer; piece?: { index: number; count: number } }
  | { type: 'failure'; revision: number; message: string; noRetry?: true }
  | { type: 'port-lost' }
  | { type: 'mode'; active: boolean }
  | { type: 'retry' };

export type Effect =
  | { type: 'observe'; id: string }
  | { type: 'unobserve'; id: string }
  | { type: 'ask'; id: string; revision: number; text: string }
  | { type: 'cancel'; id: string; revision: number }
  | { type: 'placeholder'; id: string }
  | { type: 'show'; id: string; text: string }
  | { type: 'show-error'; id: string; message: string; noRetry?: true }
  | { type: 'unrender'; id: string };

export interface Context {
  /** The page is shown in a translated mode (Bilingual or Translation only), not Original. */
  active: boolean;
  /** What joins the translated pieces of a long unit ('' for languages written without spaces). */
  joiner: string;
}

export interface Step {
  record: UnitRecord;
  effects: Effect[];
}

export function newRecord(unit: { id: string; element: Element; text: string; kind: UnitKind; containsUnits?: true }): UnitRecord {
  return {
    id: unit.id,
    element: unit.element,
    kind: unit.kind,
    ...(unit.containsUnits ? { containsUnits: true as const } : {}),
    text: unit.text,
    revision: 0,
    phase: 'found',
    rendered: 'nothing',
  };
}

const same = (record: UnitRecord): Step => ({ record, effects: [] });

function ask(r: UnitRecord, extra: Partial<UnitRecord> = {}, before: Effect[] = []): Step {
  const record: UnitRecord = { ...r, ...extra, phase: 'asked' };
  delete (record as { pieces?: unknown }).pieces;
  delete (record as { error?: unknown }).error;
  delete (record as { noRetry?: unknown }).noRetry;
  return { record, effects: [...before, { type: 'ask', id: r.id, revision: record.revision, text: record.text }] };
}

/** What the page shows for a finished record in a translated mode, when the renderer does not show it yet. */
function showEffects(r: UnitRecord): { rendered: Rendered; effects: Effect[] } {
  if (r.phase === 'failed') return r.rendered === 'error' ? { rendered: 'error', effects: [] } : { rendered: 'error', effects: [{ type: 'show-error', id: r.id, message: r.error ?? '', ...(r.noRetry ? { noRetry: true as const } : {}) }] };
  const t = r.translation;
  if (!t) return { rendered: r.rendered, effects: [] };
  if (t.sameLanguage) return r.rendered === 'nothing' ? { rendered: 'nothing', effects: [] } : { rendered: 'nothing', effects: [{ type: 'unrender', id: r.id }] };
  return r.rendered === 'translation' ? { rendered: 'translation', effects: [] } : { rendered: 'translation', effects: [{ type: 'show', id: r.id, text: t.text }] };
}

function gone(r: UnitRecord, effects: Effect[]): Step {
  if (r.rendered !== 'nothing') effects.push({ type: 'unrender', id: r.id });
  const record: UnitRecord = { ...r, phase: 'gone', rendered: 'nothing' };
  return { record, effects };
}

function joinPieces(parts: readonly PieceAnswer[], joiner: string): PieceAnswer {
  const whole: PieceAnswer = { text: parts.map((p) => p.text).join(joiner), cached: parts.every((p) => p.cached) };
  if (parts[0]?.detectedLanguage) whole.detectedLanguage = parts[0].detectedLanguage;
  if (parts.every((p) => p.sameLanguage)) whole.sameLanguage = true;
  return whole;
}

/** The one transition function: a record and an event in, the next record and its effects out. */
export function transition(r: UnitRecord, event: UnitEvent, ctx: Context): Step {
  if (r.phase === 'gone') return same(r);
  switch (event.type) {
    case 'removed': {
      const effects: Effect[] = [];
      if (r.phase === 'found') effects.push({ type: 'unobserve', id: r.id });
      if (r.phase === 'asked') effects.push({ type: 'cancel', id: r.id, revision: r.revision });
      return gone(r, effects);
    }

    case 'text-changed': {
      if (event.text === r.text) return same(r);
      const revision = r.revision + 1;
      if (r.phase === 'found' || r.phase === 'due') return same({ ...r, text: event.text, revision });
      const base: Partial<UnitRecord> = { text: event.text, revision };
      const stale: UnitRecord = { ...r, ...base };
      delete (stale as { translation?: unknown }).translation;
      if (!ctx.active) {
        // Asked again when the reader is back in a translated mode (the old answer is for other words).
        const record: UnitRecord = { ...stale, phase: r.phase === 'asked' ? 'due' : 'found' };
        delete (record as { error?: unknown }).error;
        delete (record as { noRetry?: unknown }).noRetry;
        return { record, effects: r.phase === 'asked' ? [{ type: 'cancel', id: r.id, revision: r.revision }] : [] };
      }
      const before: Effect[] = r.phase === 'asked' ? [{ type: 'cancel', id: r.id, revision: r.revision }] : [];
      return ask(stale, {}, before);
    }

    case 'due':
      if (r.phase === 'found') return ctx.active ? ask(r) : same({ ...r, phase: 'due' });
      return same(r);

    case 'mode': {
      if (!event.active) {
        if (r.phase === 'asked') return { record: { ...r, phase: 'due' }, effects: [{ type: 'cancel', id: r.id, revision: r.revision }] };
        return same(r);
      }
      if (r.phase === 'found') return { record: r, effects: [{ type: 'observe', id: r.id }] };
      if (r.phase === 'due') return ask(r);
      if (r.phase === 'shown' || r.phase === 'failed') {
        const { rendered, effects } = showEffects(r);
        return { record: { ...r, rendered }, effects };
      }
      return same(r);
    }

    case 'slow':
      if (r.phase === 'asked' && ctx.active && r.rendered !== 'placeholder') {
        return { record: { ...r, rendered: 'placeholder' }, effects: [{ type: 'placeholder', id: r.id }] };
      }
      return same(r);

    case 'result': {
      if (r.phase !== 'asked' || event.revision !== r.revision) return same(r);
      let answer = event.answer;
      if (event.piece && event.piece.count > 1) {
        const parts = r.pieces && r.pieces.length === event.piece.count ? [...r.pieces] : new Array<PieceAnswer | undefined>(event.piece.count).fill(undefined);
        parts[event.piece.index] = event.answer;
        if (parts.some((p) => p === undefined)) return same({ ...r, pieces: parts });
        answer = joinPieces(parts as PieceAnswer[], ctx.joiner);
      }
      const translation: Translation = {
        text: answer.text,
        cached: answer.cached,
        sameLanguage: answer.sameLanguage === true,
        ...(answer.detectedLanguage ? { detectedLanguage: answer.detectedLanguage } : {}),
      };
      const done: UnitRecord = { ...r, phase: 'shown', translation };
      delete (done as { pieces?: unknown }).pieces;
      if (!ctx.active) return same(done);
      if (translation.sameLanguage) {
        const effects: Effect[] = r.rendered === 'nothing' ? [] : [{ type: 'unrender', id: r.id }];
        return { record: { ...done, rendered: 'nothing' }, effects };
      }
      // Always drawn: what the renderer shows may be the translation of words the page has since changed.
      return { record: { ...done, rendered: 'translation' }, effects: [{ type: 'show', id: r.id, text: translation.text }] };
    }

    case 'failure': {
      if (r.phase !== 'asked' || event.revision !== r.revision) return same(r);
      const noRetry = event.noRetry ? { noRetry: true as const } : {};
      const failed: UnitRecord = { ...r, phase: 'failed', error: event.message, ...noRetry };
      delete (failed as { pieces?: unknown }).pieces;
      if (!ctx.active) return same(failed);
      return { record: { ...failed, rendered: 'error' }, effects: [{ type: 'show-error', id: r.id, message: event.message, ...noRetry }] };
    }

    case 'port-lost':
      // Whatever was on its way died with the port: ask again, same words, same revision.
      return r.phase === 'asked' ? ask(r) : same(r);

    case 'retry':
      return r.phase === 'failed' && ctx.active ? ask(r) : same(r);
  }
}
