// @vitest-environment jsdom
/**
 * Issue 11: a paragraph's inline markup through every provider's real wire format (answered by msw the
 * way each service answers HTML or text) and back through the whitelist rebuild: links keep the
 * ORIGINAL hrefs, emphasis comes back, and text-only paths fall back to plain text.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { blockMarkup, type BlockMarkup } from '../../extract/block-markup';
import { apertium, resetApertiumPairs } from '../../translate/providers/apertium';
import { chromeBuiltin, resetChromeBuiltin } from '../../translate/providers/chrome-builtin';
import { deepl, DEEPL_FREE_URL } from '../../translate/providers/deepl';
import { google, GOOGLE_BATCH_URL, GOOGLE_SINGLE_URL } from '../../translate/providers/google';
import { googleSingle } from '../../translate/providers/google-single';
import { libretranslate } from '../../translate/providers/libretranslate';
import { microsoft, MICROSOFT_URL } from '../../translate/providers/microsoft';
import { openai } from '../../translate/providers/openai';
import type { ProviderConfig, Translator } from '../../translate/types';
import { rebuildTranslation } from '../rebuild';
import { markupToPlain } from '../wire';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.unstubAllGlobals();
});
afterAll(() => server.close());
beforeEach(() => {
  resetApertiumPairs();
  resetChromeBuiltin();
});

const PARAGRAPH = 'Lesen Sie <a href="https://example.org/pdf" rel="nofollow">hier als PDF</a> &amp; <strong>sofort</strong>: <em>Mieten</em> &lt; 10 €<sup><a href="#fn1">1</a></sup>';

let source: BlockMarkup;
beforeEach(() => {
  document.body.innerHTML = `<p id="p">${PARAGRAPH}</p><div id="out"></div>`;
  source = blockMarkup(document.getElementById('p')!);
});

/**
 * What an HTML-mode engine does with our markup: translates the words and keeps the tags around them.
 * Stand-in translation: "EN " before the text; the German conjunction moved to show tags travel with words.
 */
const engine = (markup: string) => `EN ${markup.replace('Lesen Sie ', 'Read ')}`;

async function roundTrip(translator: Translator, config: ProviderConfig = {}): Promise<HTMLElement> {
  const [result] = await translator.translate({ texts: [source.markup], from: 'de', to: 'en', signal: new AbortController().signal }, config);
  const out = document.getElementById('out')!;
  out.replaceChildren(rebuildTranslation(document, result!.text, source));
  return out;
}

function expectRichTranslation(out: HTMLElement): void {
  expect(out.textContent).toBe('EN Read hier als PDF & sofort: Mieten < 10 €1');
  expect([...out.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.getAttribute('rel'), a.textContent])).toEqual([
    ['https://example.org/pdf', 'nofollow', 'hier als PDF'],
    ['#fn1', null, '1'],
  ]);
  expect(out.querySelector('strong')?.textContent).toBe('sofort');
  expect(out.querySelector('em')?.textContent).toBe('Mieten');
  expect(out.querySelector('sup > a')).not.toBeNull();
}

function expectPlainTranslation(out: HTMLElement): void {
  expect(out.children).toHaveLength(0);
  expect(out.textContent).toMatch(/hier als PDF & sofort: Mieten < 10 €1$/);
}

describe('markup round trip per provider wire format', () => {
  it('the markup sent', () => {
    expect(source.markup).toBe('Lesen Sie <a0>hier als PDF</a0> &amp; <b1>sofort</b1>: <i2>Mieten</i2> &lt; 10 €<sup3><a4>1</a4></sup3>');
  });

  it('Google translateHtml: markup in the JSON+protobuf body, HTML answer', async () => {
    let sent: unknown;
    server.use(
      http.post(GOOGLE_BATCH_URL, async ({ request }) => {
        const body = (await request.json()) as [[string[], string, string], string];
        sent = body[0][0];
        return HttpResponse.json([body[0][0].map(engine), ['de']]);
      }),
    );
    expectRichTranslation(await roundTrip(google));
    expect(sent).toEqual([source.markup]);
  });

  it('Google single endpoint (a fallback-chain step, text-only): plain text out, plain translation back', async () => {
    let q: string | null = null;
    server.use(
      http.get(GOOGLE_SINGLE_URL, ({ request }) => {
        q = new URL(request.url).searchParams.get('q');
        return HttpResponse.json([[[`EN ${q}`, q]], null, 'de']);
      }),
    );
    expectPlainTranslation(await roundTrip(googleSingle));
    expect(q).toBe('Lesen Sie hier als PDF & sofort: Mieten < 10 €1');
  });

  it('Microsoft translatetext with textType=html', async () => {
    let textType: string | null = null;
    server.use(
      http.post(MICROSOFT_URL, async ({ request }) => {
        textType = new URL(request.url).searchParams.get('textType');
        const texts = (await request.json()) as string[];
        return HttpResponse.json(texts.map((t) => ({ translations: [{ text: engine(t), to: 'en' }] })));
      }),
    );
    expectRichTranslation(await roundTrip(microsoft));
    expect(textType).toBe('html');
  });

  it('DeepL with tag_handling=html', async () => {
    let body: { text: string[]; tag_handling?: string } | undefined;
    server.use(
      http.post(DEEPL_FREE_URL, async ({ request }) => {
        body = (await request.json()) as typeof body;
        return HttpResponse.json({ translations: body!.text.map((t) => ({ detected_source_language: 'DE', text: engine(t) })) });
      }),
    );
    expectRichTranslation(await roundTrip(deepl, { apiKey: 'k:fx' }));
    expect(body?.tag_handling).toBe('html');
  });

  it('LibreTranslate with format=html', async () => {
    let body: { q: string[]; format: string } | undefined;
    server.use(
      http.post('http://libre.test/translate', async ({ request }) => {
        body = (await request.json()) as typeof body;
        return HttpResponse.json({ translatedText: body!.q.map(engine) });
      }),
    );
    expectRichTranslation(await roundTrip(libretranslate, { url: 'http://libre.test' }));
    expect(body?.format).toBe('html');
  });

  it('Apertium APy with format=html', async () => {
    let form: URLSearchParams | undefined;
    server.use(
      http.get('http://apy.test/listPairs', () => HttpResponse.json({ responseData: [{ sourceLanguage: 'deu', targetLanguage: 'eng' }], responseStatus: 200 })),
      http.post('http://apy.test/translate', async ({ request }) => {
        form = new URLSearchParams(await request.text());
        return HttpResponse.json({ responseData: { translatedText: engine(form.get('q')!) }, responseDetails: null, responseStatus: 200 });
      }),
    );
    expectRichTranslation(await roundTrip(apertium, { url: 'http://apy.test' }));
    expect(form?.get('format')).toBe('html');
    expect(form?.get('q')).toBe(source.markup);
  });

  it('OpenAI-compatible: numbered tags with an instruction; an answer with the wrong tags keeps only its words', async () => {
    let system = '';
    let keepTags = true;
    server.use(
      http.post('https://llm.test/v1/chat/completions', async ({ request }) => {
        const body = (await request.json()) as { messages: { content: string }[] };
        system = body.messages[0]!.content;
        const { segments } = JSON.parse(body.messages[1]!.content) as { segments: { id: number; text: string }[] };
        const translations = segments.map((s) => ({ id: s.id, text: keepTags ? engine(s.text) : engine(s.text).replace('<a0>', '<a0 href="https://evil.example">').replace('</b1>', '') }));
        return HttpResponse.json({ choices: [{ message: { role: 'assistant', content: JSON.stringify({ translations }) } }] });
      }),
    );
    const config = { baseUrl: 'https://llm.test/v1', apiKey: 'sk', model: 'm' };
    expectRichTranslation(await roundTrip(openai, config));
    expect(system).toMatch(/<a0>…<\/a0>/);
    keepTags = false;
    expectPlainTranslation(await roundTrip(openai, config));
  });

  it('Chrome on-device Translator (text-only): plain text in, the answer escaped back', async () => {
    const seen: string[] = [];
    vi.stubGlobal('Translator', {
      availability: async () => 'available',
      create: async () => ({ translate: async (text: string) => (seen.push(text), `EN ${text} <b>not a tag</b>`) }),
    });
    const out = await roundTrip(chromeBuiltin);
    expect(seen).toEqual([markupToPlain(source.markup)]);
    expect(out.children).toHaveLength(0);
    expect(out.textContent).toBe('EN Lesen Sie hier als PDF & sofort: Mieten < 10 €1 <b>not a tag</b>');
  });
});
