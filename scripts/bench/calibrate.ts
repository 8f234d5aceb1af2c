import type { BrowserContext, Worker } from 'playwright-core';
import { median } from './stats';

/**
 * The harness's own cost per provider request: a fetch from the extension's service worker to a
 * routed provider URL answered at once. Playwright's interception carries every request to Node
 * and back; that round trip lands inside "Duet's overhead" unless we measure and show it.
 */
const CALIBRATION_URL = 'https://translate-pa.googleapis.com/duet-bench-calibration';

export async function harnessRoundTripMs(context: BrowserContext, sw: Worker, samples = 9): Promise<number | undefined> {
  await context.route(CALIBRATION_URL, (route) => route.fulfill({ status: 200, body: '[]', headers: { 'access-control-allow-origin': '*' } }));
  const times = await sw.evaluate(
    async ([url, n]) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await (await fetch(url, { method: 'POST', body: '[]', cache: 'no-store' })).text();
        out.push(performance.now() - t);
      }
      return out;
    },
    [CALIBRATION_URL, samples] as const,
  );
  // The first fetch warms the connection path; the median of the rest is the steady cost.
  return median(times.slice(1));
}
