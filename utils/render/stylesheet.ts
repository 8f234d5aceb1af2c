import { CLASS_OWN, STYLE_ID } from '../dom-labels';

/** Duet's one page stylesheet: a <style id="duet-style">, with a fallback for strict pages. */
export interface PageStyles {
  update(css: string): void;
  remove(): void;
}

/**
 * Inserts <style id="duet-style">. A page whose Content-Security-Policy forbids inline styles gets
 * the element without a sheet (`sheet === null`); then the same CSS goes in as a constructed
 * stylesheet on `document.adoptedStyleSheets`, which style-src does not govern (checked in Chromium).
 * Both are removed by `remove()`.
 */
export function injectStyles(doc: Document, css: string): PageStyles {
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.className = CLASS_OWN;
  style.textContent = css;
  (doc.head ?? doc.documentElement).append(style);
  let adopted: CSSStyleSheet | null = null;
  if (!style.sheet) adopted = adopt(doc, css);

  return {
    update(next) {
      style.textContent = next;
      adopted?.replaceSync(next);
    },
    remove() {
      style.remove();
      if (adopted) {
        const sheet = adopted;
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
        adopted = null;
      }
    },
  };
}

function adopt(doc: Document, css: string): CSSStyleSheet | null {
  const view = doc.defaultView;
  if (!view || !('adoptedStyleSheets' in doc)) return null;
  try {
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return sheet;
  } catch {
    return null; // an engine that refuses: translations still show, unstyled
  }
}
