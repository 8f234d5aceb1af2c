import type { BrowserContext, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FakeGoogle, TRANSLATE_HTML_URL, TRANSLATE_SINGLE_URL } from '../fake-google';

/** A stand-in for Playwright's route: what the browser asked, and what the fake answered. */
function fakeRoute(method: string, url: string, body?: string) {
  const answer: { status?: number; body?: string; contentType?: string } = {};
  const route = {
    request: () => ({ method: () => method, url: () => url, postData: () => body ?? null }),
    fulfill: async (r: { status: number; body: string; contentType: string }) => Object.assign(answer, r),
  } as unknown as Route;
  return { route, answer };
}

/** Attaches the fake to a context stub and returns its two route handlers. */
async function handlers(fake: FakeGoogle) {
  const routes = new Map<string, (route: Route) => Promise<void>>();
  const context = { route: async (pattern: string, handler: (route: Route) => Promise<void>) => void routes.set(pattern, handler) };
  await fake.attach(context as unknown as BrowserContext);
  return { html: routes.get(`${TRANSLATE_HTML_URL}*`)!, single: routes.get(`${TRANSLATE_SINGLE_URL}*`)! };
}

const htmlBody = (texts: string[], to = 'de') => JSON.stringify([[texts, 'auto', to], 'wt_lib']);

describe('FakeGoogle', () => {
  it('answers translateHtml in the real wire format, HTML-escaped, and counts', async () => {
    const fake = new FakeGoogle();
    const { html } = await handlers(fake);
    const { route, answer } = fakeRoute('POST', TRANSLATE_HTML_URL, htmlBody(['Tom &amp; Jerry &lt;3', 'Bitte nicht für uns']));
    await html(route);
    expect(answer.status).toBe(200);
    expect(answer.contentType).toContain('application/json+protobuf');
    expect(JSON.parse(answer.body!)).toEqual([['⟪de⟫ Tom &amp; Jerry &lt;3', '⟪de⟫ Bitte nicht für uns'], ['en', 'de']]);
    expect(fake.requests).toBe(1);
    expect(fake.texts).toBe(2);
    expect(fake.chars).toBe('Tom & Jerry <3'.length + 'Bitte nicht für uns'.length);
  });

  it('rejects a malformed body with 400', async () => {
    const { html } = await handlers(new FakeGoogle());
    const { route, answer } = fakeRoute('POST', TRANSLATE_HTML_URL, '{"q":"x"}');
    await html(route);
    expect(answer.status).toBe(400);
  });

  it('answers translate_a/single as [[[trans, orig]], null, lang]', async () => {
    const { single } = await handlers(new FakeGoogle());
    const { route, answer } = fakeRoute('GET', `${TRANSLATE_SINGLE_URL}?client=gtx&sl=auto&tl=fr&dt=t&q=${encodeURIComponent('Hello world')}`);
    await single(route);
    expect(JSON.parse(answer.body!)).toEqual([[['⟪fr⟫ Hello world', 'Hello world']], null, 'en']);
  });

  it('fails the next N requests, requests with a given text, or everything until healed', async () => {
    const fake = new FakeGoogle();
    const { html } = await handlers(fake);
    const ask = async (text: string) => {
      const { route, answer } = fakeRoute('POST', TRANSLATE_HTML_URL, htmlBody([text]));
      await html(route);
      return answer.status;
    };
    fake.failNext(2, 503);
    expect([await ask('a'), await ask('b'), await ask('c')]).toEqual([503, 503, 200]);
    fake.failWhenTextIncludes('poison', 500);
    expect([await ask('fine'), await ask('a poison pill')]).toEqual([200, 500]);
    fake.failAll(403);
    expect(await ask('fine')).toBe(403);
    fake.heal();
    expect(await ask('a poison pill')).toBe(200);
    expect(fake.log.map((r) => r.status)).toEqual([503, 503, 200, 200, 500, 403, 200]);
  });

  it('waits the configured latency before answering', async () => {
    const fake = new FakeGoogle({ latencyMs: 60, latencyPerCharMs: 1 });
    const { html } = await handlers(fake);
    const { route } = fakeRoute('POST', TRANSLATE_HTML_URL, htmlBody(['x'.repeat(40)]));
    const started = performance.now();
    await html(route);
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
  });
});

describe('guessLanguage (what the fake reports as detected)', () => {
  it("reports the text's real language, as Google does", async () => {
    const { guessLanguage } = await import('../pseudo-translate');
    expect(guessLanguage('La sequía obliga a los vecinos de Navalcruz a pedir agua para el pueblo')).toBe('es');
    expect(guessLanguage('The drought forces the villagers to ask for water')).toBe('en');
    expect(guessLanguage('Bitte nicht für uns: die Regierung und das Parlament')).toBe('de');
    expect(guessLanguage("Le gouvernement a annoncé des mesures pour les agriculteurs de la région")).toBe('fr');
    expect(guessLanguage('Il sindaco della città ha detto che non ci sono soldi per il porto')).toBe('it');
    expect(guessLanguage('أزمة المياه في المنطقة')).toBe('ar');
    expect(guessLanguage('東京で記者会見が開かれた')).toBe('ja');
  });
});
