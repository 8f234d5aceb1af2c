import type { CDPSession, Page } from 'playwright-core';
import type { DuetBrowser } from '../e2e-kit/chromium';
import { PORT_TRANSLATE } from '../../utils/messaging/protocol';
import { launchDuet, warmUp } from './browsers';
import { ProviderTap } from './provider-tap';

/**
 * Issue 15, item 4: the service worker's JS heap after 1,000 units went through the product's real
 * path (a content script's translate port → cache lookup → provider → cache write, memory tier
 * included). Playwright gives CDP sessions for pages only, so the worker is reached through the
 * browser's session (Target.attachToTarget, messages relayed with Target.sendMessageToTarget), and
 * the units are sent from the content script's own isolated world (found with Runtime.enable),
 * because the background only serves ports opened by its content script.
 */

/** Sends one CDP command to another target through the browser session; resolves with its result. */
async function sendToTarget(browserSession: CDPSession, sessionId: string, method: string, params: Record<string, unknown> = {}): Promise<unknown> {
  const id = Math.floor(Math.random() * 1e9);
  return new Promise((resolve, reject) => {
    const onMessage = (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      if (message.id !== id) return;
      browserSession.off('Target.receivedMessageFromTarget', onMessage);
      if (message.error) reject(new Error(`${method}: ${message.error.message}`));
      else resolve(message.result);
    };
    browserSession.on('Target.receivedMessageFromTarget', onMessage);
    browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
  });
}

/** The extension's service worker's JS heap in use after a full GC (bytes); undefined when CDP cannot reach it. */
export async function serviceWorkerHeap(browser: DuetBrowser): Promise<number | undefined> {
  const b = browser.context.browser();
  if (!b) return undefined;
  const session = await b.newBrowserCDPSession();
  try {
    const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`));
    if (!target) return undefined;
    const { sessionId } = (await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
    try {
      await sendToTarget(session, sessionId, 'HeapProfiler.collectGarbage');
      const usage = (await sendToTarget(session, sessionId, 'Runtime.getHeapUsage')) as { usedSize: number };
      return usage.usedSize;
    } finally {
      await session.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    }
  } finally {
    await session.detach().catch(() => {});
  }
}

/**
 * From the content script's world on `page`: opens a translate port and sends `texts` in batches,
 * resolving with how many results came back (bounded by `timeoutMs`).
 */
export async function translateThroughPort(page: Page, texts: string[], from: string, to: string, timeoutMs = 120_000): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: Array<{ id: number; name: string; auxData?: { type?: string; isDefault?: boolean } }> = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.name.startsWith('Duet'));
    if (!isolated) throw new Error('no content-script world on the page');
    const expression = `new Promise((resolve) => {
      const texts = ${JSON.stringify(texts)};
      const port = chrome.runtime.connect({ name: ${JSON.stringify(PORT_TRANSLATE)} });
      let got = 0;
      const timer = setTimeout(() => { port.disconnect(); resolve(got); }, ${timeoutMs});
      port.onMessage.addListener((m) => {
        got += m.type === 'translated' ? m.results.length : m.ids.length;
        if (got >= texts.length) { clearTimeout(timer); port.disconnect(); resolve(got); }
      });
      for (let i = 0; i < texts.length; i += 250) {
        port.postMessage({ type: 'translate', from: ${JSON.stringify(from)}, to: ${JSON.stringify(to)}, units: texts.slice(i, i + 250).map((text, j) => ({ id: 'h' + (i + j), text })) });
      }
    })`;
    const result = (await cdp.send('Runtime.evaluate', { expression, contextId: isolated.id, awaitPromise: true, returnByValue: true })) as { result: { value?: number }; exceptionDetails?: { text: string } };
    if (result.exceptionDetails) throw new Error(`translateThroughPort: ${result.exceptionDetails.text}`);
    return result.result.value ?? 0;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * A fresh profile, a page where Duet runs but translates nothing (`localhost` is not an always-translate
 * site), then `texts` through the port with the provider answering at once: the worker's heap before and after.
 */
export async function swHeapAfterUnits(extensionDir: string, origin: string, texts: string[]): Promise<{ before: number; after: number; units: number } | undefined> {
  const tap = new ProviderTap({ latencyMs: 0, latencyPerCharMs: 0 });
  const browser = await launchDuet(tap, extensionDir);
  try {
    await warmUp(browser.context, origin);
    const page = await browser.context.newPage();
    await page.goto(origin.replace('127.0.0.1', 'localhost') + '/', { waitUntil: 'load', timeout: 30_000 });
    await page.waitForTimeout(300);
    const before = await serviceWorkerHeap(browser);
    const units = await translateThroughPort(page, texts, 'auto', 'de');
    const after = await serviceWorkerHeap(browser);
    return before === undefined || after === undefined ? undefined : { before, after, units };
  } finally {
    await browser.close();
  }
}
