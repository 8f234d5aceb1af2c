import type { BrowserContext } from 'playwright-core';
import { SLOW_PREFIX } from './generate-pages';

/** How long the slow page's photo and script take: a news page's late ads, embeds and images. */
export const SLOW_RESOURCE_MS = 800;

const GIF = Buffer.from('R0lGODlhAQABAAAAACw=', 'base64');

/**
 * Answers the slow page's resources after SLOW_RESOURCE_MS, in the plain and the extension's browser
 * alike (both carry the same routes, so the page's own timings compare).
 */
export async function attachSlowResources(context: BrowserContext): Promise<void> {
  await context.route(`**${SLOW_PREFIX}**`, async (route) => {
    await new Promise((r) => setTimeout(r, SLOW_RESOURCE_MS));
    const js = route.request().url().endsWith('.js');
    await route.fulfill({ status: 200, contentType: js ? 'text/javascript' : 'image/gif', body: js ? '/* late widget */' : GIF }).catch(() => {});
  });
}
