import { blockMarkup, withoutCode } from '../extract/block-markup';
import type { Unit } from '../extract/types';
import { rebuildTranslation } from './rebuild';
import { escapeText, markupToPlain } from './wire';

/**
 * A unit's markup as sent, remembered per element so the answer is rebuilt against the same inline
 * elements it was made for. Content-script side: the renderer and the session call these two.
 */
interface Snapshot {
  /** unit.text when the snapshot was taken: another text means the page changed the element. */
  text: string;
  markup: string;
  inline: Element[];
}

const snapshots = new WeakMap<Element, Snapshot>();

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

function snapshotOf(unit: Unit): Snapshot {
  const known = snapshots.get(unit.element);
  if (known && known.text === unit.text) return known;
  let snapshot: Snapshot = { text: unit.text, markup: escapeText(unit.text), inline: [] };
  // Loose text beside nested units (Unit.containsUnits) is read without those units: plain text there.
  if (!unit.containsUnits) {
    const { markup, inline } = blockMarkup(unit.element);
    // The markup must say exactly what the unit's text says; if not (the page changed the element since
    // the analysis), the plain text goes, so what is translated never differs from what was found.
    if (normalise(markupToPlain(withoutCode(markup), ' ')) === normalise(unit.text)) snapshot = { text: unit.text, markup, inline };
  }
  snapshots.set(unit.element, snapshot);
  return snapshot;
}

/** What goes to the provider for this unit: its text with the inline elements as numbered placeholders. */
export function wireText(unit: Unit): string {
  return snapshotOf(unit).markup;
}

/** Replaces the translation element's content with the rebuilt translated markup (whitelisted elements only). */
export function fillTranslation(target: Element, unit: Unit, translated: string): void {
  const fragment = rebuildTranslation(target.ownerDocument, translated, snapshotOf(unit));
  target.textContent = '';
  target.appendChild(fragment);
}
