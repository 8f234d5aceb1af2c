import { describe, expect, it } from 'vitest';
import { newRecord, transition, type Effect, type Phase, type Rendered, type UnitEvent, type UnitRecord } from '../unit-lifecycle';

/** The lifecycle core as a table: phase (and what the renderer shows) × event → next phase and effects. No DOM, no timers. */
const element = {} as Element;
const answer = { text: 'Hallo', cached: false };

function record(phase: Phase, extra: Partial<UnitRecord> = {}): UnitRecord {
  return { ...newRecord({ id: 'd1', element, text: 'Hello', kind: 'paragraph' }), phase, ...extra };
}

type Row = [name: string, from: UnitRecord, event: UnitEvent, active: boolean, phase: Phase, effects: Effect[], rendered?: Rendered];

const shown = record('shown', { rendered: 'translation', translation: { text: 'Hallo', cached: false, sameLanguage: false } });
const asked = record('asked');
const failed = record('failed', { rendered: 'error', error: 'Busy.' });

const rows: Row[] = [
  ['found · due → ask', record('found'), { type: 'due' }, true, 'asked', [{ type: 'ask', id: 'd1', revision: 0, text: 'Hello' }]],
  ['found · due in Original → remembered as due', record('found'), { type: 'due' }, false, 'due', []],
  ['found · mode on → observed', record('found'), { type: 'mode', active: true }, true, 'found', [{ type: 'observe', id: 'd1' }]],
  ['found · removed → gone, unobserved', record('found'), { type: 'removed' }, true, 'gone', [{ type: 'unobserve', id: 'd1' }]],
  ['found · text changed → new snapshot, nothing asked', record('found'), { type: 'text-changed', text: 'Hi' }, true, 'found', []],
  ['found · a stray result → ignored', record('found'), { type: 'result', revision: 0, answer }, true, 'found', []],
  ['due · mode on → ask', record('due'), { type: 'mode', active: true }, true, 'asked', [{ type: 'ask', id: 'd1', revision: 0, text: 'Hello' }]],
  ['asked · result → shown', asked, { type: 'result', revision: 0, answer }, true, 'shown', [{ type: 'show', id: 'd1', text: 'Hallo' }], 'translation'],
  ['asked · result in Original → kept, not drawn', asked, { type: 'result', revision: 0, answer }, false, 'shown', [], 'nothing'],
  ['asked · result for an older revision → dropped', record('asked', { revision: 2 }), { type: 'result', revision: 1, answer }, true, 'asked', []],
  ['asked · same-language result → nothing drawn, placeholder taken away', record('asked', { rendered: 'placeholder' }), { type: 'result', revision: 0, answer: { ...answer, sameLanguage: true } }, true, 'shown', [{ type: 'unrender', id: 'd1' }], 'nothing'],
  ['asked · first of two pieces → still asked', asked, { type: 'result', revision: 0, answer, piece: { index: 0, count: 2 } }, true, 'asked', []],
  ['asked · failure → failed, error drawn', asked, { type: 'failure', revision: 0, message: 'Busy.' }, true, 'failed', [{ type: 'show-error', id: 'd1', message: 'Busy.' }], 'error'],
  ['asked · service failure for the page → failed, drawn without a Retry of its own', asked, { type: 'failure', revision: 0, message: 'See below.', noRetry: true }, true, 'failed', [{ type: 'show-error', id: 'd1', message: 'See below.', noRetry: true }], 'error'],
  ['failed without Retry · mode on again → drawn again without Retry', record('failed', { error: 'See below.', noRetry: true }), { type: 'mode', active: true }, true, 'failed', [{ type: 'show-error', id: 'd1', message: 'See below.', noRetry: true }], 'error'],
  ['asked · failure for an older revision → dropped', record('asked', { revision: 1 }), { type: 'failure', revision: 0, message: 'x' }, true, 'asked', []],
  ['asked · slow → placeholder', asked, { type: 'slow' }, true, 'asked', [{ type: 'placeholder', id: 'd1' }], 'placeholder'],
  ['asked · removed → cancelled, gone', record('asked', { rendered: 'placeholder' }), { type: 'removed' }, true, 'gone', [{ type: 'cancel', id: 'd1', revision: 0 }, { type: 'unrender', id: 'd1' }]],
  ['asked · text changed → old cancelled, new revision asked', asked, { type: 'text-changed', text: 'Hi' }, true, 'asked', [{ type: 'cancel', id: 'd1', revision: 0 }, { type: 'ask', id: 'd1', revision: 1, text: 'Hi' }]],
  ['asked · port lost → asked again', asked, { type: 'port-lost' }, true, 'asked', [{ type: 'ask', id: 'd1', revision: 0, text: 'Hello' }]],
  ['asked · Original → cancelled, due again', asked, { type: 'mode', active: false }, false, 'due', [{ type: 'cancel', id: 'd1', revision: 0 }]],
  ['shown · text changed → asked under a new revision', shown, { type: 'text-changed', text: 'Hi' }, true, 'asked', [{ type: 'ask', id: 'd1', revision: 1, text: 'Hi' }], 'translation'],
  ['asked again after a text change · result → the new words drawn over the old', record('asked', { revision: 1, rendered: 'translation' }), { type: 'result', revision: 1, answer }, true, 'shown', [{ type: 'show', id: 'd1', text: 'Hallo' }], 'translation'],
  ['shown · same text again → nothing', shown, { type: 'text-changed', text: 'Hello' }, true, 'shown', []],
  ['shown · text changed in Original → found again', shown, { type: 'text-changed', text: 'Hi' }, false, 'found', []],
  ['shown · removed → translation taken out', shown, { type: 'removed' }, true, 'gone', [{ type: 'unrender', id: 'd1' }]],
  ['shown · back from Original → nothing new to draw', shown, { type: 'mode', active: true }, true, 'shown', []],
  ['shown · answered in Original, mode on → drawn', record('shown', { translation: { text: 'Hallo', cached: true, sameLanguage: false } }), { type: 'mode', active: true }, true, 'shown', [{ type: 'show', id: 'd1', text: 'Hallo' }], 'translation'],
  ['shown · retry → nothing', shown, { type: 'retry' }, true, 'shown', []],
  ['failed · retry → asked', failed, { type: 'retry' }, true, 'asked', [{ type: 'ask', id: 'd1', revision: 0, text: 'Hello' }]],
  ['failed · retry in Original → stays failed', failed, { type: 'retry' }, false, 'failed', []],
  ['failed · removed → error taken out', failed, { type: 'removed' }, true, 'gone', [{ type: 'unrender', id: 'd1' }]],
  ['failed · failed in Original, mode on → error drawn', record('failed', { error: 'Busy.' }), { type: 'mode', active: true }, true, 'failed', [{ type: 'show-error', id: 'd1', message: 'Busy.' }], 'error'],
  ['gone · anything → nothing', record('gone'), { type: 'due' }, true, 'gone', []],
];

describe('unit lifecycle transitions', () => {
  it.each(rows)('%s', (_name, from, event, active, phase, effects, rendered) => {
    const step = transition(from, event, { active, joiner: ' ' });
    expect(step.record.phase).toBe(phase);
    expect(step.effects).toEqual(effects);
    if (rendered) expect(step.record.rendered).toBe(rendered);
  });

  it('joins the pieces of a long unit in order, whatever order they arrive in', () => {
    let r = record('asked');
    r = transition(r, { type: 'result', revision: 0, answer: { text: 'zwei', cached: true }, piece: { index: 1, count: 2 } }, { active: true, joiner: ' ' }).record;
    const step = transition(r, { type: 'result', revision: 0, answer: { text: 'eins', cached: false }, piece: { index: 0, count: 2 } }, { active: true, joiner: ' ' });
    expect(step.record.translation).toEqual({ text: 'eins zwei', cached: false, sameLanguage: false });
    expect(step.effects).toEqual([{ type: 'show', id: 'd1', text: 'eins zwei' }]);
  });

  it('never mutates the record it was given', () => {
    const from = record('asked');
    const copy = JSON.stringify(from);
    transition(from, { type: 'result', revision: 0, answer }, { active: true, joiner: ' ' });
    transition(from, { type: 'text-changed', text: 'Hi' }, { active: true, joiner: ' ' });
    expect(JSON.stringify(from)).toBe(copy);
  });
});
