import type { TabStatus } from '../messaging/protocol';
import { newRecord, transition, type Context, type Effect, type UnitEvent, type UnitRecord } from './unit-lifecycle';
import type { UnitKind } from '../extract/types';

/**
 * Every unit record of one page (unit-lifecycle.ts), and the only place records change: events go
 * in, effects come out. Deterministic and DOM-free (elements are held, never touched).
 */
export class UnitBook {
  private readonly records = new Map<string, UnitRecord>();
  private readonly byElement = new WeakMap<Element, string>();
  private active = false;
  private nextId = 0;

  constructor(private readonly joiner: string) {}

  private ctx(): Context {
    return { active: this.active, joiner: this.joiner };
  }

  /** Adds the units not known yet (by element); returns the effects (observe, in a translated mode). */
  add(units: readonly { element: Element; text: string; kind: UnitKind; containsUnits?: true }[]): Effect[] {
    const effects: Effect[] = [];
    for (const u of units) {
      if (this.idOf(u.element) !== undefined) continue;
      const id = `d${this.nextId++}`;
      const record = newRecord({ ...u, id });
      this.records.set(id, record);
      this.byElement.set(u.element, id);
      if (this.active) effects.push({ type: 'observe', id });
    }
    return effects;
  }

  /** The live (not gone) unit whose element this is. */
  idOf(element: Element): string | undefined {
    const id = this.byElement.get(element);
    return id !== undefined && this.records.has(id) ? id : undefined;
  }

  get(id: string): UnitRecord | undefined {
    return this.records.get(id);
  }

  /** Live records, in the order they were found. */
  all(): IterableIterator<UnitRecord> {
    return this.records.values();
  }

  dispatch(id: string, event: UnitEvent): Effect[] {
    const record = this.records.get(id);
    if (!record) return [];
    const { record: next, effects } = transition(record, event, this.ctx());
    if (next.phase === 'gone') {
      this.records.delete(id);
      if (this.byElement.get(next.element) === id) this.byElement.delete(next.element);
    } else if (next !== record) this.records.set(id, next);
    return effects;
  }

  dispatchAll(ids: Iterable<string>, event: UnitEvent): Effect[] {
    const effects: Effect[] = [];
    for (const id of ids) effects.push(...this.dispatch(id, event));
    return effects;
  }

  setActive(active: boolean): Effect[] {
    this.active = active;
    return this.dispatchAll([...this.records.keys()], { type: 'mode', active });
  }

  isActive(): boolean {
    return this.active;
  }

  ids(filter: (r: UnitRecord) => boolean): string[] {
    const out: string[] = [];
    for (const r of this.records.values()) if (filter(r)) out.push(r.id);
    return out;
  }

  counts(): Pick<TabStatus, 'found' | 'translated' | 'fromCache' | 'failed' | 'pending'> & { sameLanguage?: number; detected: Map<string, number> } {
    let translated = 0;
    let sameLanguage = 0;
    let fromCache = 0;
    let failed = 0;
    let pending = 0;
    const detected = new Map<string, number>();
    for (const r of this.records.values()) {
      if (r.phase === 'asked') pending++;
      else if (r.phase === 'failed') failed++;
      else if (r.phase === 'shown' && r.translation) {
        const lang = r.translation.detectedLanguage;
        if (lang) detected.set(lang, (detected.get(lang) ?? 0) + 1);
        if (r.translation.sameLanguage) {
          sameLanguage++;
          continue;
        }
        translated++;
        if (r.translation.cached) fromCache++;
      }
    }
    return { found: this.records.size, translated, fromCache, failed, pending, ...(sameLanguage ? { sameLanguage } : {}), detected };
  }
}
