import { ATTR_FOR, ATTR_MODE, ATTR_PLACE, ATTR_STATE, ATTR_UNIT_ID, CLASS_RETRY, TAG_TRANSLATION } from '../dom-labels';
import type { Unit } from '../extract/types';
import { t } from '../i18n/t';
import { fillTranslation } from '../rich-text/unit-markup';
import type { DisplayMode } from '../settings/schema';
import { clickTrust } from '../page-ui/trusted-click';
import { directionOf } from './lang';
import { forgetChange, recordChange } from './page-changes';
import { applyLook, readLook, type Look } from './placement';
import { injectStyles, type PageStyles } from './stylesheet';
import { buildStyles, type Layout } from './styles';
import { runInSlices, type SliceRun } from './slices';

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

export interface ShownTranslation {
  unit: Unit;
  text: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

export interface Renderer {
  /** Shows every translation in `mode`; on pages with thousands of translations the work is sliced (yields between slices). */
  setMode(mode: RenderMode): void;
  getMode(): RenderMode;
  /** One unit, or a batch (preferred: the batch's styles are read before anything is written). */
  showLoading(unit: Unit | readonly Unit[]): void;
  showTranslation(unit: Unit, text: string, opts?: { lang?: string; dir?: 'ltr' | 'rtl' }): void;
  /** Many translations in one DOM write (results that arrived within one frame). */
  showTranslations(items: readonly ShownTranslation[]): void;
  /** Placeholders and translations of one frame in one DOM write: every new original's style is read before anything is written. */
  showBatch(loading: readonly Unit[], shown: readonly ShownTranslation[]): void;
  /** Without `onRetry` no Retry button (retrying cannot help, or the page shows one Retry for all). */
  showError(unit: Unit, message: string, onRetry?: () => void): void;
  has(unitId: string): boolean;
  /** Takes one unit's translation out of the page and forgets it (the page removed the unit). */
  remove(unitId: string): void;
  /**
   * Puts Duet's node back where it belongs when the page took it out (a framework replaced the
   * original's children) or left it behind (the page moved an original whose translation is its
   * sibling), as long as the original itself is still in the page. Never touches a page node.
   */
  repair(): void;
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
  after: boolean;
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
  let modeRun: SliceRun | null = null;
  const slots = new Map<string, Slot>();
  const idByElement = new WeakMap<Element, string>();
  const html = doc.documentElement;

  /**
   * The stylesheet exists exactly while a translation of ours is in the page, the mode attribute while
   * one is and the mode is not Original (between the two, while Original takes thousands of nodes
   * out in slices, the stylesheet hides whatever is still there).
   */
  function syncPage(): void {
    if (attachedCount > 0) {
      if (!styles) {
        const added = injectStyles(doc, buildStyles(layout));
        styles = added;
        recordChange(doc, added, () => added.remove());
      }
    } else if (styles) {
      forgetChange(doc, styles);
      styles.remove();
      styles = null;
    }
    if (mode !== 'original' && attachedCount > 0) {
      if (html.getAttribute(ATTR_MODE) !== mode) {
        html.setAttribute(ATTR_MODE, mode);
        recordChange(doc, html, () => html.removeAttribute(ATTR_MODE));
      }
    } else if (html.hasAttribute(ATTR_MODE)) {
      html.removeAttribute(ATTR_MODE);
      forgetChange(doc, html);
    }
  }

  function setFocusable(slot: Slot): void {
    // No Tab stop per paragraph in any mode (a paragraph is not a control: 35 extra stops on one page
    // was issue 13's bug). Translation only shows the original in a popover on hover, tap, focus of a
    // link inside, or the reading-position key (utils/page-ui/original-popover.ts).
    if (slot.translation.hasAttribute('tabindex')) slot.translation.removeAttribute('tabindex');
  }

  /** Where the slot's node must be: the original's last child, or (flex/grid originals) its next sibling. */
  function inPlace(slot: Slot): boolean {
    const { translation } = slot;
    const original = slot.unit.element;
    return slot.after ? original.nextSibling === translation : translation.parentNode === original && translation.nextSibling === null;
  }

  function place(slot: Slot): void {
    const original = slot.unit.element;
    if (inPlace(slot)) return;
    if (slot.after) original.after(slot.translation);
    else original.append(slot.translation); // only our own node moves: the page's nodes stay where its scripts put them
  }

  function attach(slot: Slot): void {
    const original = slot.unit.element;
    if (slot.attached || !original.isConnected || (slot.after && !original.parentNode)) return;
    slot.previousUnitAttr = original.getAttribute(ATTR_UNIT_ID);
    if (slot.previousUnitAttr !== slot.unit.id) original.setAttribute(ATTR_UNIT_ID, slot.unit.id);
    place(slot);
    setFocusable(slot);
    slot.attached = true;
    attachedCount++;
    recordChange(doc, slot, () => undo(slot));
  }

  /** Takes the slot's node out and puts the original's attribute back as it was. */
  function undo(slot: Slot): void {
    const original = slot.unit.element;
    if (slot.previousUnitAttr === null) original.removeAttribute(ATTR_UNIT_ID);
    else if (original.getAttribute(ATTR_UNIT_ID) !== slot.previousUnitAttr) original.setAttribute(ATTR_UNIT_ID, slot.previousUnitAttr);
    slot.translation.remove();
  }

  function detach(slot: Slot): void {
    if (!slot.attached) return;
    undo(slot);
    forgetChange(doc, slot);
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
    // An original that holds other units (old-CMS loose text, at worst <body> itself) keeps them in
    // one column: its translation goes at its end, stacked.
    const sideBySide = look.sideBySide && !unit.containsUnits;
    const after = look.placement === 'after' && !unit.containsUnits;
    translation.setAttribute(ATTR_PLACE, after ? 'after' : sideBySide ? 'columns' : 'inside');
    applyLook(look, translation);
    return { unit, translation, after, attached: false, previousUnitAttr: null };
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
    if (existing) {
      existing.unit = unit; // the latest text snapshot: a changed text's translation is rebuilt against it
      return existing;
    }
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
  function update<T extends { unit: Unit }>(items: readonly T[], write: (slot: Slot, item: T) => void): void {
    if (destroyed || items.length === 0) return;
    const looks = items.map(({ unit }) => (existingSlot(unit) ? undefined : readLook(unit.element)));
    mutate(() => {
      items.forEach((item, i) => {
        const slot = slotFor(item.unit, looks[i]);
        write(slot, item);
        if (mode !== 'original') {
          attach(slot);
          place(slot);
        }
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
    modeRun?.cancel();
    modeRun = null;
    mutate(() => {
      for (const id of [...slots.keys()]) drop(id);
      mode = 'original';
      syncPage();
    });
  }

  function writeTranslation(slot: Slot, text: string, opts?: { lang?: string; dir?: 'ltr' | 'rtl' }): void {
    const textLang = opts?.lang ?? lang;
    if (slot.translation.getAttribute('lang') !== textLang) slot.translation.setAttribute('lang', textLang);
    const dir = opts?.dir ?? directionOf(textLang);
    if (slot.translation.getAttribute('dir') !== dir) slot.translation.setAttribute('dir', dir);
    fillTranslation(slot.translation, slot.unit, text); // inline markup rebuilt from a whitelist (rich-text/)
    setState(slot, 'done');
  }

  return {
    getMode: () => mode,
    has: (unitId) => slots.has(unitId),

    setMode(next) {
      if (destroyed || next === mode) return;
      mode = next;
      modeRun?.cancel();
      const all = [...slots.values()];
      // The page's look changes at once (the mode attribute and the stylesheet hide or show every
      // translation in one style pass); adding or removing thousands of nodes then goes in slices.
      mutate(syncPage);
      let finished = false;
      const run = runInSlices(
        all,
        (slot) => {
          if (mode === 'original') detach(slot);
          else {
            attach(slot);
            setFocusable(slot);
          }
        },
        {
          mutate,
          done: () => {
            finished = true;
            modeRun = null;
            mutate(syncPage);
          },
        },
      );
      modeRun = finished ? null : run;
    },

    showLoading(unit) {
      const units = isUnitList(unit) ? unit : [unit];
      update(
        units.map((u) => ({ unit: u })),
        (slot) => {
          slot.translation.textContent = '';
          setState(slot, 'loading');
        },
      );
    },

    showTranslation(unit, text, opts) {
      update([{ unit }], (slot) => writeTranslation(slot, text, opts));
    },

    showBatch(loading, shown) {
      const items: (ShownTranslation | { unit: Unit; text?: undefined })[] = [...loading.map((unit) => ({ unit })), ...shown];
      update(items, (slot, item) => {
        if (item.text === undefined) {
          slot.translation.textContent = '';
          setState(slot, 'loading');
        } else writeTranslation(slot, item.text, { ...(item.lang ? { lang: item.lang } : {}), ...('dir' in item && item.dir ? { dir: item.dir } : {}) });
      });
    },

    showTranslations(items) {
      update(items, (slot, item) => writeTranslation(slot, item.text, { ...(item.lang ? { lang: item.lang } : {}), ...(item.dir ? { dir: item.dir } : {}) }));
    },

    showError(unit, message, onRetry) {
      update([{ unit }], (slot) => {
        slot.translation.textContent = message;
        if (onRetry) {
          const retry = doc.createElement('button');
          retry.type = 'button';
          retry.className = CLASS_RETRY;
          retry.textContent = t('pill_retry');
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
      if (destroyed || !slots.has(unitId)) return;
      mutate(() => {
        drop(unitId);
        syncPage();
      });
    },

    repair() {
      if (destroyed || mode === 'original') return;
      const misplaced: Slot[] = [];
      for (const slot of slots.values()) {
        if (!slot.attached) continue;
        if (!slot.unit.element.isConnected) continue; // the page removed the original: the session drops the unit
        if (!inPlace(slot) || slot.unit.element.getAttribute(ATTR_UNIT_ID) !== slot.unit.id) misplaced.push(slot);
      }
      if (misplaced.length === 0) return;
      mutate(() => {
        for (const slot of misplaced) {
          if (slot.unit.element.getAttribute(ATTR_UNIT_ID) !== slot.unit.id) slot.unit.element.setAttribute(ATTR_UNIT_ID, slot.unit.id);
          place(slot);
        }
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
