// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ATTR_FOR, ATTR_STATE, CLASS_RETRY } from '../../dom-labels';
import type { PortResponse, RememberedTranslation, TabStatus } from '../../messaging/protocol';
import { extractUnits } from '../../extract';
import { TranslationSession, type Transport } from '../session';
import { loadKronePage } from './krone-page';
import { trustScriptedClicks } from '../../page-ui/__tests__/trust-scripted-clicks';

trustScriptedClicks(); // the tests' clicks stand in for the reader's (trusted-click.ts)


/** Records what the session sends and lets the test answer like the background would. */
function fakeBackground() {
  const sent: { id: string; text: string }[][] = [];
  const cancelled: string[] = [];
  let respond!: (r: PortResponse) => void;
  let lose!: () => void;
  const connect = (onResponse: (r: PortResponse) => void, onLost: () => void): Transport => {
    respond = onResponse;
    lose = onLost;
    return { translate: (units) => sent.push(units), cancel: (ids) => cancelled.push(...ids), disconnect: () => {} };
  };
  return {
    connect,
    sent,
    cancelled,
    answerAll(prefix = 'DE: ') {
      const units = sent.flat();
      respond({ type: 'translated', results: units.map((u) => ({ id: u.id, text: prefix + u.text, cached: false })) });
    },
    respond: (r: PortResponse) => respond(r),
    lose: () => lose(),
  };
}

function startSession(bg: ReturnType<typeof fakeBackground>, remembered?: RememberedTranslation[]) {
  const statuses: TabStatus[] = [];
  const session = new TranslationSession(document, {
    from: 'auto',
    to: 'de',
    layout: 'side-by-side',
    onStatus: (s) => statuses.push(s),
    connect: bg.connect,
    // The next frame comes at once here, so each answer is in the page when the test looks.
    frame: (fn: () => void) => fn(),
    ...(remembered ? { remembered } : {}),
  });
  return { session, statuses };
}

/** A session on the fixture, switched to Bilingual, with the first units already asked for. */
async function bilingualSession() {
  const bg = fakeBackground();
  const { session } = startSession(bg);
  session.analyse('article');
  session.setMode('bilingual');
  await tick();
  await placeholdersShown();
  return { bg, session };
}

/** Placeholders appear only when an answer takes longer than a moment (session.ts PLACEHOLDER_DELAY_MS). */
const placeholdersShown = () => new Promise((r) => setTimeout(r, 80));

const translations = () => [...document.querySelectorAll(`[${ATTR_FOR}]`)];
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('TranslationSession', () => {
  beforeEach(() => {
    loadKronePage();
  });

  it('asks for every unit once and shows each translation as it arrives', async () => {
    const bg = fakeBackground();
    const { session } = startSession(bg);
    expect(session.analyse('article')).toBe(true);
    session.setMode('bilingual');
    await tick(); // no IntersectionObserver in jsdom: every unit is "needed" after a microtask
    const units = bg.sent.flat();
    expect(units.length).toBeGreaterThan(5);
    expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
    await placeholdersShown();
    expect(translations().length).toBe(units.length);
    expect(translations().every((t) => t.getAttribute(ATTR_STATE) === 'loading')).toBe(true);
    bg.answerAll();
    expect(translations().every((t) => t.getAttribute(ATTR_STATE) === 'done')).toBe(true);
    expect(translations()[0]!.textContent).toBe('DE: ' + units[0]!.text);
    expect(session.status()).toMatchObject({ found: units.length, translated: units.length, pending: 0, failed: 0 });
  });

  it('an answer faster than the placeholder delay is shown without any loading state', async () => {
    const bg = fakeBackground();
    const { session } = startSession(bg);
    session.analyse('article');
    session.setMode('bilingual');
    await tick();
    bg.answerAll();
    expect(translations().length).toBe(bg.sent.flat().length);
    expect(translations().every((t) => t.getAttribute(ATTR_STATE) === 'done')).toBe(true);
    await placeholdersShown();
    expect(translations().every((t) => t.getAttribute(ATTR_STATE) === 'done'), 'no late placeholder over a translation').toBe(true);
    session.destroy();
  });

  it('shows what the page memory holds without asking, and asks only for the rest', async () => {
    const texts = extractUnits(document, { mode: 'article' }).units.map((u) => u.text);
    const remembered: RememberedTranslation[] = [
      { source: texts[0]!, text: 'MEM one', detectedLanguage: 'de' },
      { source: texts[1]!, text: texts[1]!, sameLanguage: true },
      { source: 'a text no longer on the page', text: 'stale' },
    ];
    const bg = fakeBackground();
    const { session } = startSession(bg, remembered);
    session.analyse('article');
    session.setMode('bilingual');
    await tick();
    const sent = bg.sent.flat().map((u) => u.text);
    expect(sent).not.toContain(texts[0]);
    expect(sent).not.toContain(texts[1]);
    expect(sent).toHaveLength(texts.length - 2);
    const shown = translations().filter((t) => t.getAttribute(ATTR_STATE) === 'done');
    expect(shown.map((t) => t.textContent)).toEqual(['MEM one']);
    expect(session.status()).toMatchObject({ translated: 1, fromCache: 1, detectedLanguage: 'de' });
    session.destroy();
  });

  it('restores the exact page on Original and re-shows translations without asking again', async () => {
    const before = document.body.innerHTML;
    const { bg, session } = await bilingualSession();
    bg.answerAll();
    const requests = bg.sent.length;
    session.setMode('translation');
    session.setMode('original');
    expect(document.body.innerHTML).toBe(before);
    session.setMode('bilingual');
    await tick();
    expect(bg.sent.length).toBe(requests);
    expect(translations().length).toBeGreaterThan(5);
    expect(translations().every((t) => t.getAttribute(ATTR_STATE) === 'done')).toBe(true);
    session.destroy();
    expect(document.body.innerHTML).toBe(before);
  });

  it('shows a retryable error per paragraph and retries only that paragraph', async () => {
    const { bg, session } = await bilingualSession();
    const [first, ...rest] = bg.sent.flat();
    bg.respond({ type: 'failed', ids: [first!.id], error: { kind: 'server', message: 'Service busy. Retry.', retryable: true } });
    bg.respond({ type: 'translated', results: rest.map((u) => ({ id: u.id, text: 'ok', cached: true })) });
    const failed = document.querySelector(`[${ATTR_FOR}="${first!.id}"]`)!;
    expect(failed.getAttribute(ATTR_STATE)).toBe('error');
    expect(failed.textContent).toContain('Service busy. Retry.');
    expect(session.status()).toMatchObject({ failed: 1, fromCache: rest.length });
    (failed.querySelector(`.${CLASS_RETRY}`) as HTMLButtonElement).click();
    expect(bg.sent.at(-1)).toEqual([first]);
    bg.respond({ type: 'translated', results: [{ id: first!.id, text: 'fixed', cached: false }] });
    expect(document.querySelector(`[${ATTR_FOR}="${first!.id}"]`)!.getAttribute(ATTR_STATE)).toBe('done');
    expect(session.status().failed).toBe(0);
  });

  it('a retry asked for while showing Original keeps the failures for when the reader is back', async () => {
    const { bg, session } = await bilingualSession();
    const [first] = bg.sent.flat();
    bg.respond({ type: 'failed', ids: [first!.id], error: { kind: 'server', message: 'Busy.', retryable: true } });
    session.setMode('original');
    const sends = bg.sent.length;
    session.retryFailed();
    expect(bg.sent.length).toBe(sends);
    expect(session.status().failed).toBe(1);
    session.setMode('bilingual');
    session.retryFailed();
    expect(bg.sent.at(-1)).toEqual([first]);
  });

  it('asks again for what was in flight when the background went away', async () => {
    const { bg, session } = await bilingualSession();
    const [first, second, ...rest] = bg.sent.flat();
    bg.respond({ type: 'translated', results: rest.map((u) => ({ id: u.id, text: 'ok', cached: false })) });
    // The port holds no unit state: the records know that only these two were still on their way.
    bg.lose();
    expect(bg.sent.at(-1)!.map((u) => u.id)).toEqual([first!.id, second!.id]);
    session.destroy();
  });

  it('leaves text already in the target language alone', async () => {
    const { bg, session } = await bilingualSession();
    const [first] = bg.sent.flat();
    bg.respond({ type: 'translated', results: [{ id: first!.id, text: first!.text, cached: false, sameLanguage: true }] });
    expect(document.querySelector(`[${ATTR_FOR}="${first!.id}"]`)).toBeNull();
    expect(session.status().translated).toBe(0);
  });

  it('cancels unfinished work on Original and picks up paragraphs the page adds later', async () => {
    const { bg, session } = await bilingualSession();
    bg.answerAll();
    const known = bg.sent.flat().length;
    const added = document.createElement('p');
    added.textContent = 'A late paragraph that the page appended after the reader scrolled to the end of the article.';
    document.querySelector('.article-body')!.append(added); // as a live blog or an endless page would
    await new Promise((r) => setTimeout(r, 150)); // the watcher debounces
    expect(bg.sent.flat().map((u) => u.text)).not.toContain('krone.at · 20.11.2024 14:12');
    await vi.waitFor(() => expect(bg.sent.flat().length).toBe(known + 1), { timeout: 1000 });
    expect(bg.sent.at(-1)![0]!.text).toBe(added.textContent);
    session.setMode('original');
    expect(bg.cancelled).toEqual([bg.sent.at(-1)![0]!.id]);
  });
});

describe('TranslationSession with a block too long for one request', () => {
  beforeEach(() => {
    loadKronePage();
  });

  it('sends it in pieces and shows the joined translation once every piece is in', async () => {
    const long = Array.from({ length: 120 }, (_, i) => `Sentence ${i} of a very long paragraph about the city budget and its many lines.`).join(' ');
    const target = [...document.querySelectorAll('p')].find((p) => p.textContent!.startsWith('Rutte once again'))!;
    target.textContent = long;
    const { bg, session } = await bilingualSession();
    const sent = bg.sent.flat();
    const pieces = sent.filter((u) => u.id.includes('~'));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.map((p) => p.text).join(' ')).toBe(long);
    const unitId = pieces[0]!.id.split('~')[0]!;
    const shown = () => document.querySelector(`[${ATTR_FOR}="${unitId}"]`)!;
    bg.respond({ type: 'translated', results: pieces.slice(0, -1).map((p) => ({ id: p.id, text: `T(${p.id})`, cached: false })) });
    expect(shown().getAttribute(ATTR_STATE)).toBe('loading'); // one piece still missing
    const last = pieces.at(-1)!;
    bg.respond({ type: 'translated', results: [{ id: last.id, text: `T(${last.id})`, cached: false }] });
    expect(shown().getAttribute(ATTR_STATE)).toBe('done');
    expect(shown().textContent).toBe(pieces.map((p) => `T(${p.id})`).join(' '));
    session.destroy();
  });

  it('a failed piece fails the unit; its retry sends every piece again', async () => {
    const long = Array.from({ length: 120 }, (_, i) => `Sentence ${i} of a very long paragraph about the city budget and its many lines.`).join(' ');
    [...document.querySelectorAll('p')].find((p) => p.textContent!.startsWith('Rutte once again'))!.textContent = long;
    const { bg } = await bilingualSession();
    const pieces = bg.sent.flat().filter((u) => u.id.includes('~'));
    const unitId = pieces[0]!.id.split('~')[0]!;
    bg.respond({ type: 'translated', results: [{ id: pieces[0]!.id, text: 'T0', cached: false }] });
    bg.respond({ type: 'failed', ids: [pieces[1]!.id], error: { kind: 'server', message: 'Busy.', retryable: true } });
    const shown = document.querySelector(`[${ATTR_FOR}="${unitId}"]`)!;
    expect(shown.getAttribute(ATTR_STATE)).toBe('error');
    (shown.querySelector(`.${CLASS_RETRY}`) as HTMLButtonElement).click();
    expect(bg.sent.at(-1)!.map((u) => u.id)).toEqual(pieces.map((p) => p.id));
  });
});

describe('TranslationSession on a page that changes itself', () => {
  beforeEach(() => {
    loadKronePage();
  });

  it('asks again for a paragraph whose text the page replaced, and puts its translation back', async () => {
    const { bg, session } = await bilingualSession();
    bg.answerAll();
    const first = bg.sent.flat()[2]!;
    const element = document.querySelector(`[data-duet-unit="${first.id}"]`)!;
    element.textContent = 'The page rewrote this paragraph with entirely new words, as frameworks do.'; // takes our node out too
    await vi.waitFor(() => expect(bg.sent.flat().map((u) => u.text)).toContain(element.firstChild!.textContent), { timeout: 1000 });
    const again = bg.sent.at(-1)!;
    expect(again.map((u) => u.id)).toEqual([`${first.id}.1`]);
    bg.respond({ type: 'translated', results: [{ id: again[0]!.id, text: 'NEU', cached: false }] });
    const tr = element.querySelector(`[${ATTR_FOR}="${first.id}"]`)!;
    expect(tr.textContent).toBe('NEU');
    expect(element.lastChild).toBe(tr);
    // A late answer to the old words changes nothing.
    bg.respond({ type: 'translated', results: [{ id: first.id, text: 'ALT', cached: false }] });
    expect(tr.textContent).toBe('NEU');
    session.destroy();
  });

  it('drops a removed paragraph: cancelled when still asked, its translation gone, no longer counted', async () => {
    const { bg, session } = await bilingualSession();
    const [first] = bg.sent.flat();
    const element = document.querySelector(`[data-duet-unit="${first!.id}"]`)!;
    const found = session.status().found;
    element.remove();
    await vi.waitFor(() => expect(bg.cancelled).toContain(first!.id), { timeout: 1000 });
    expect(element.querySelector(`[${ATTR_FOR}]`)).toBeNull();
    expect(session.status().found).toBe(found - 1);
    session.destroy();
  });
});

