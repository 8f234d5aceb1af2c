import {
  ATTR_FOR,
  ATTR_MODE,
  ATTR_STATE,
  ATTR_UNIT_ID,
  CLASS_RETRY,
  TAG_PAIR,
  TAG_TRANSLATION,
} from '../dom-labels';
import type { Unit } from '../extract/types';
import type { DisplayMode } from '../settings/schema';
import { clickTrust } from '../page-ui/trusted-click';
import { directionOf } from './lang';
import { applyLook, readLook, type Look } from './placement';
import { injectStyles, type PageStyles } from './stylesheet';
import { buildStyles, type Layout } from './styles';

export type { Layout };
export type RenderMode = DisplayMode;
export type TranslationState = 'loading' | 'done' | 'error';

export interface RendererOptions {
  layout: Layout;
  /** BCP 47 code of the translations; empty means the browser's language. */
  targetLanguage: string;
  /** Mode to start in (default 'bilingual'); nothing touches the page until the first show*() call. */
  mode?: RenderMode;
  /** Runs every batch of DOM writes; pass the mutation watcher's `pause` so our writes never re-enter it. */
  mutate?: <T>(fn: () => T) => T;
}

export interface Renderer {
  setMode(mode: RenderMode): void;
  getMode(): RenderMode;
  /** One unit, or a batch (preferred: the batch's styles are read before anything is written). */
  showLoading(unit: Unit | readonly Unit[]): void;
  showTranslation(unit: Unit, text: string, opts?: { lang?: string; dir?: 'ltr' | 'rtl' }): void;
  /** Without `onRetry` no Retry button (retrying cannot help, or the page shows one Retry for all). */
  showError(unit: Unit, message: string, onRetry?: () => void): void;
  has(unitId: string): boolean;
  /** Takes one unit's translation out of the page and forgets it (the page removed the unit). */
  remove(unitId: string): void;
  setLayout(layout: Layout): void;
  /** Back to the exact original page: every node, attribute and style Duet added is gone; translations are forgotten. */
  restore(): void;
  /** restore(), then every later call does nothing. */
  destroy(): void;
}

/** One original and its translation element (kept while the page shows Original, so switching back costs nothing). */
interface Slot {
  unit: Unit;
  translation: HTMLElement;
  /** The <duet-pair> wrapper for 'wrap' placement; null when the translation lives inside the original. */
  pair: HTMLElement | null;
  attached: boolean;
  /** Value ATTR_UNIT_ID had before we set it (normally null), put back on detach. */
  previousUnitAttr: string | null;
}

export function createRenderer(doc: Document, options: RendererOptions): Renderer {
  const mutate = options.mutate ?? (<T>(fn: () => T): T => fn());
  const lang = options.targetLanguage || doc.defaultView?.navigator.language || 'en';
  let mode: RenderMode = options.mode ?? 'bilingual';
  let layout = options.layout;
  let destroyed = false;
  let attachedCount = 0;
  let styles: PageStyles | null = null;
  const slots = new Map<string, Slot>();
  const idByElement = new WeakMap<Element, string>();

  /** The stylesheet and the mode attribute exist exactly while at least one translation is in the page. */
  function syncPage(): void {
    const html = doc.documentElement;
    if (mode !== 'original' && attachedCount > 0) {
      styles ??= injectStyles(doc, buildStyles(layout));
      if (html.getAttribute(ATTR_MODE) !== mode) html.setAttribute(ATTR_MODE, mode);
    } else {
      styles?.remove();
      styles = null;
      html.removeAttribute(ATTR_MODE);
    }
  }

  function setFocusable(slot: Slot): void {
    // Translation only hides the original until the translation is hovered or focused: make it focusable then.
    if (mode === 'translation') slot.translation.tabIndex = 0;
    else slot.translation.removeAttribute('tabindex');
  }

  function attach(slot: Slot): void {
    const original = slot.unit.element;
    if (slot.attached || !original.isConnected || !original.parentNode) return;
    slot.previousUnitAttr = original.getAttribute(ATTR_UNIT_ID);
    original.setAttribute(ATTR_UNIT_ID, slot.unit.id);
    if (slot.pair) {
      original.parentNode.insertBefore(slot.pair, original);
      slot.pair.append(original, slot.translation); // the same node moves: page listeners keep working
    } else {
      original.append(slot.translation);
    }
    setFocusable(slot);
    slot.attached = true;
    attachedCount++;
  }

  function detach(slot: Slot): void {
    if (!slot.attached) return;
    const original = slot.unit.element;
    if (slot.previousUnitAttr === null) original.removeAttribute(ATTR_UNIT_ID);
    else original.setAttribute(ATTR_UNIT_ID, slot.previousUnitAttr);
    const { pair } = slot;
    if (pair) {
      if (original.parentNode === pair && pair.parentNode) pair.parentNode.insertBefore(original, pair);
      pair.remove();
    } else {
      slot.translation.remove();
    }
    slot.attached = false;
    attachedCount--;
  }

  function drop(id: string): void {
    const slot = slots.get(id);
    if (!slot) return;
    detach(slot);
    slots.delete(id);
    if (idByElement.get(slot.unit.element) === id) idByElement.delete(slot.unit.element);
  }

  function createSlot(unit: Unit, look: Look): Slot {
    const translation = doc.createElement(TAG_TRANSLATION);
    translation.setAttribute(ATTR_FOR, unit.id);
    translation.setAttribute('translate', 'no');
    translation.setAttribute('lang', lang);
    translation.setAttribute('dir', directionOf(lang));
    // An original that holds other units (old-CMS loose text, at worst <body> itself) is never moved
    // into a pair: that would drag the units inside it along, and a page needs its <body> where it is.
    const tag = unit.element.tagName.toUpperCase();
    const placement = unit.containsUnits || tag === 'BODY' || tag === 'HTML' ? 'inside' : look.placement;
    const pair = placement === 'wrap' ? doc.createElement(TAG_PAIR) : null;
    applyLook({ ...look, placement }, translation, pair);
    return { unit, translation, pair, attached: false, previousUnitAttr: null };
  }

  function existingSlot(unit: Unit): Slot | undefined {
    const existing = slots.get(unit.id);
    return existing && existing.unit.element === unit.element ? existing : undefined;
  }

  /**
   * The slot for this unit, reusing the existing one; a unit id or element seen with a different
   * partner starts over. `look` must have been read before this batch's first DOM write.
   */
  function slotFor(unit: Unit, look: Look | undefined): Slot {
    const existing = existingSlot(unit);
    if (existing) return existing;
    drop(unit.id);
    const otherId = idByElement.get(unit.element);
    if (otherId !== undefined) drop(otherId);
    const slot = createSlot(unit, look ?? readLook(unit.element));
    slots.set(unit.id, slot);
    idByElement.set(unit.element, unit.id);
    return slot;
  }

  /**
   * Runs one change to each unit's translation element, then makes sure it is in the page when it
   * should be. All reads (new units' looks) happen before the first write.
   */
  function update(units: readonly Unit[], write: (slot: Slot) => void): void {
    if (destroyed || units.length === 0) return;
    const looks = units.map((unit) => (existingSlot(unit) ? undefined : readLook(unit.element)));
    mutate(() => {
      units.forEach((unit, i) => {
        const slot = slotFor(unit, looks[i]);
        write(slot);
        if (mode !== 'original') attach(slot);
      });
      syncPage();
    });
  }

  function setState(slot: Slot, state: TranslationState): void {
    slot.translation.setAttribute(ATTR_STATE, state);
    if (state === 'loading') slot.translation.setAttribute('aria-busy', 'true');
    else slot.translation.removeAttribute('aria-busy');
  }

  function restore(): void {
    if (destroyed) return;
    mutate(() => {
      for (const id of [...slots.keys()]) drop(id);
      mode = 'original';
      syncPage();
    });
  }

  return {
    getMode: () => mode,
    has: (unitId) => slots.has(unitId),

    setMode(next) {
      if (destroyed || next === mode) return;
      mode = next;
      mutate(() => {
        for (const slot of slots.values()) {
          if (mode === 'original') detach(slot);
          else {
            attach(slot);
            setFocusable(slot);
          }
        }
        syncPage();
      });
    },

    showLoading(unit) {
      update(isUnitList(unit) ? unit : [unit], (slot) => {
        slot.translation.textContent = '';
        setState(slot, 'loading');
      });
    },

    showTranslation(unit, text, opts) {
      update([unit], (slot) => {
        const textLang = opts?.lang ?? lang;
        slot.translation.setAttribute('lang', textLang);
        slot.translation.setAttribute('dir', opts?.dir ?? directionOf(textLang));
        slot.translation.textContent = text;
        setState(slot, 'done');
      });
    },

    showError(unit, message, onRetry) {
      update([unit], (slot) => {
        slot.translation.textContent = message;
        if (onRetry) {
          const retry = doc.createElement('button');
          retry.type = 'button';
          retry.className = CLASS_RETRY;
          retry.textContent = 'Retry';
          retry.addEventListener('click', (event) => {
            // The original may sit in a link or a form: the click is ours alone.
            event.preventDefault();
            event.stopPropagation();
            // Only the reader's own clicks: a page script's retry loop would hammer a failing service.
            if (clickTrust.isTrusted(event)) onRetry();
          });
          slot.translation.append(retry);
        }
        setState(slot, 'error');
      });
    },

    remove(unitId) {
      if (destroyed) return;
      mutate(() => {
        drop(unitId);
        syncPage();
      });
    },

    setLayout(next) {
      layout = next;
      if (styles && !destroyed) mutate(() => styles?.update(buildStyles(layout)));
    },

    restore,

    destroy() {
      restore();
      destroyed = true;
    },
  };
}

function isUnitList(value: Unit | readonly Unit[]): value is readonly Unit[] {
  return Array.isArray(value);
}
