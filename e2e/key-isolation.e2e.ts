/**
 * Issue 2 (f): content scripts cannot read `storage.local`, where API keys live.
 *
 * How: the background must call `chrome.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' })`.
 * We check it from where it matters — the content script's own isolated world. Through the
 * DevTools protocol we find the page's execution context that belongs to the extension (auxData
 * type 'isolated', origin chrome-extension://ID) and evaluate `chrome.storage.local.get` there,
 * after the service worker stored a secret. Reading it must fail (or at least not yield the secret).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceWorkerOf, waitForContentScript, type WorkerGlobals } from '../scripts/e2e-kit/extension';
import { loadExpectation, startSession, type E2ESession } from './helpers/session';

const expected = loadExpectation('krone-north-korea');
const SECRET_KEY = 'e2eSecretProbe';
const SECRET = 'sk-e2e-must-not-leak-0123456789';

interface ContextDescription {
  id: number;
  origin: string;
  name: string;
  auxData?: { type?: string; frameId?: string; isDefault?: boolean };
}

describe('API keys stay out of content scripts', () => {
  let s: E2ESession;

  beforeAll(async () => {
    s = await startSession({ settings: { targetLanguage: 'de' } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('(f) the content script world cannot read storage.local', async () => {
    const sw = await serviceWorkerOf(s.browser);
    await sw.evaluate(([key, value]) => (globalThis as unknown as WorkerGlobals).chrome.storage.local.set({ [key]: value }), [SECRET_KEY, SECRET] as const);

    const cdp = await s.browser.context.newCDPSession(s.page);
    const contexts: ContextDescription[] = [];
    cdp.on('Runtime.executionContextCreated', (event: { context: ContextDescription }) => contexts.push(event.context));
    await s.page.goto(s.server.url(expected.page));
    await waitForContentScript(s.browser, s.page);
    await cdp.send('Runtime.enable'); // replays every existing context
    await s.page.waitForTimeout(100);

    const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${s.browser.extensionId}`);
    expect(isolated, `content script world not found among ${JSON.stringify(contexts.map((c) => [c.name, c.origin, c.auxData?.type]))}`).toBeDefined();

    const evaluate = async (expression: string): Promise<unknown> => {
      const result = (await cdp.send('Runtime.evaluate', { expression, contextId: isolated!.id, awaitPromise: true, returnByValue: true })) as {
        result: { value?: unknown };
        exceptionDetails?: unknown;
      };
      if (result.exceptionDetails) throw new Error(`evaluation threw: ${JSON.stringify(result.exceptionDetails)}`);
      return result.result.value;
    };

    // Proves the expression runs as the content script: it sees its extension's runtime.
    expect(await evaluate('chrome.runtime.id')).toBe(s.browser.extensionId);

    const attempt = (await evaluate(`(async () => {
      try {
        if (!chrome.storage || !chrome.storage.local) return { ok: false, error: 'chrome.storage.local is not exposed' };
        const all = await chrome.storage.local.get(null);
        return { ok: true, keys: Object.keys(all), leaked: JSON.stringify(all).includes(${JSON.stringify(SECRET)}) };
      } catch (e) {
        return { ok: false, error: String(e && e.message || e) };
      }
    })()`)) as { ok: boolean; keys?: string[]; leaked?: boolean; error?: string };
    console.log(`[e2e] content-script storage.local read: ${JSON.stringify(attempt)}`);
    expect(attempt.leaked ?? false, 'the content script read the secret from storage.local').toBe(false);
    expect(attempt.ok, `storage.local is readable from the content script (keys: ${attempt.keys?.join(', ')})`).toBe(false);
    await cdp.detach();
  });
});
