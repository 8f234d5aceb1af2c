import { afterEach, describe, expect, it } from 'vitest';
import { startFakeLibreTranslate, type FakeLibreTranslate } from '../firefox-fake-libretranslate';
import { pseudoTranslate } from '../pseudo-translate';

// The Firefox tests' provider: it must speak LibreTranslate's wire format (shared/PROVIDERS.md) as Duet's provider expects it.
let lt: FakeLibreTranslate | undefined;
afterEach(async () => {
  await lt?.close();
  lt = undefined;
});

describe('fake LibreTranslate server', () => {
  it('answers a batch with an array, reports detected languages for "auto", and logs the key', async () => {
    lt = await startFakeLibreTranslate();
    expect(lt.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${lt.url}/translate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ q: ['One.', 'Das ist gut.'], source: 'auto', target: 'fr', format: 'text', api_key: 'k' }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await response.json()) as { translatedText: string[]; detectedLanguage: Array<{ language: string }> };
    expect(body.translatedText).toEqual([pseudoTranslate('One.', 'fr'), pseudoTranslate('Das ist gut.', 'fr')]);
    expect(body.detectedLanguage.map((d) => d.language)).toEqual(['en', 'de']);
    expect(lt.log).toEqual([{ texts: ['One.', 'Das ist gut.'], source: 'auto', target: 'fr', apiKey: 'k' }]);
  });

  it('answers one text with a string, lists languages, and allows CORS preflights', async () => {
    lt = await startFakeLibreTranslate();
    const one = await fetch(`${lt.url}/translate`, { method: 'POST', body: JSON.stringify({ q: 'Hi', source: 'en', target: 'de' }) });
    expect(await one.json()).toEqual({ translatedText: pseudoTranslate('Hi', 'de') });
    const languages = (await (await fetch(`${lt.url}/languages`)).json()) as Array<{ code: string; targets: string[] }>;
    expect(languages.find((l) => l.code === 'en')?.targets).toContain('de');
    const preflight = await fetch(`${lt.url}/translate`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
    expect(lt.requests).toBe(1);
    lt.resetCounts();
    expect(lt.requests).toBe(0);
  });
});
