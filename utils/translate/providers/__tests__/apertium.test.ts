import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apertium, choosePair, fromApertium, resetApertiumPairs, toApertium } from '../apertium';
import { capture, liveSignal, rejection, type SeenRequest } from './helpers';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(() => resetApertiumPairs());

const BASE = 'http://127.0.0.1:2737';
// What Debian's apertium-eng-spa installs (modes eng-spa, spa-eng, spa-eng_US).
const PAIRS = [
  { sourceLanguage: 'eng', targetLanguage: 'spa' },
  { sourceLanguage: 'spa', targetLanguage: 'eng_US' },
  { sourceLanguage: 'spa', targetLanguage: 'eng' },
];
const listPairs = (pairs = PAIRS) => http.get(`${BASE}/listPairs`, () => HttpResponse.json({ responseData: pairs, responseDetails: null, responseStatus: 200 }));
const run = (texts: string[], from: string, to = 'en') => apertium.translate({ texts, from, to, signal: liveSignal() }, { url: BASE });

describe('apertium', () => {
  it('posts one text per request with the 639-3 pair and markUnknown=no', async () => {
    const seen: SeenRequest[] = [];
    let listCalls = 0;
    server.use(
      http.get(`${BASE}/listPairs`, () => {
        listCalls += 1;
        return HttpResponse.json({ responseData: PAIRS, responseDetails: null, responseStatus: 200 });
      }),
      http.post(`${BASE}/translate`, async ({ request }) => {
        const s = await capture(request);
        seen.push(s);
        const q = new URLSearchParams(s.body).get('q');
        return HttpResponse.json({ responseData: { translatedText: `EN(${q})` }, responseDetails: null, responseStatus: 200 });
      }),
    );
    expect(await run(['Hola mundo.', 'Adiós & gracias'], 'es')).toEqual([{ text: 'EN(Hola mundo.)' }, { text: 'EN(Adiós & gracias)' }]);
    expect(seen.map((s) => s.method)).toEqual(['POST', 'POST']);
    expect(seen[0]!.url.href).toBe(`${BASE}/translate`);
    expect(seen[0]!.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(seen[1]!.body))).toEqual({ langpair: 'spa|eng', q: 'Adiós & gracias', markUnknown: 'no', format: 'html' });
    await run(['otra vez'], 'es');
    expect(listCalls).toBe(1); // the pair list is cached
  });

  it("resolves 'auto' only when one installed pair leads into the target", async () => {
    expect(choosePair(PAIRS, 'auto', 'en')).toBe('spa|eng');
    expect(choosePair(PAIRS, 'auto', 'es')).toBe('eng|spa');
    const ambiguous = [...PAIRS, { sourceLanguage: 'cat', targetLanguage: 'eng' }];
    expect(() => choosePair(ambiguous, 'auto', 'en')).toThrow(/cannot detect the page's language.*spa, cat/);
    expect(() => choosePair(PAIRS, 'de', 'en')).toThrow(/no de → en pair installed/);
    expect(() => choosePair(PAIRS, 'auto', 'fr')).toThrow(/cannot translate into "fr"/);
    expect(choosePair([{ sourceLanguage: 'spa', targetLanguage: 'eng_US' }], 'es', 'en')).toBe('spa|eng_US');
  });

  it("throws 'unsupported' for an ambiguous 'auto' without sending a translation request", async () => {
    server.use(listPairs([...PAIRS, { sourceLanguage: 'fra', targetLanguage: 'eng' }]));
    const error = await rejection(run(['Bonjour'], 'auto'));
    expect(error.kind).toBe('unsupported');
  });

  it('maps APy errors: 400 pair not installed, 503, malformed answers', async () => {
    server.use(listPairs(), http.post(`${BASE}/translate`, () => HttpResponse.json({ status: 'error', code: 400, message: 'Bad Request', explanation: 'That pair is not installed' }, { status: 400 })));
    const notInstalled = await rejection(run(['Hola'], 'es'));
    expect(notInstalled.kind).toBe('unsupported');
    expect(notInstalled.message).toMatch(/That pair is not installed/);
    server.use(http.post(`${BASE}/translate`, () => new HttpResponse(null, { status: 503 })));
    expect((await rejection(run(['Hola'], 'es'))).kind).toBe('server');
    server.use(http.post(`${BASE}/translate`, () => HttpResponse.json({ responseData: null, responseStatus: 200 })));
    expect((await rejection(run(['Hola'], 'es'))).kind).toBe('bad-response');
  });

  it('lists target languages in our codes and converts codes both ways', async () => {
    server.use(listPairs());
    expect(await apertium.listTargetLanguages?.({ url: BASE }, liveSignal())).toEqual(['en', 'es']);
    expect(toApertium('pt-br')).toBe('por');
    expect(fromApertium('cat_valencia')).toBe('ca');
    expect(fromApertium('nob')).toBe('nb');
    expect(apertium.checkUsable?.({})).toMatch(/address of your APy server/);
  });
});
