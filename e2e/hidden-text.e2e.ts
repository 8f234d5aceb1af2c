/**
 * Issue 10, "hidden is never sent": a page hiding text with style sheets (a gallery's slides at
 * visibility:hidden, 300 paragraphs stacked at opacity .02, an off-screen paragraph, a clipped one-pixel label,
 * display:none, opacity 0, a closed <details>) on an always-translate site. Only what a reader sees reaches
 * the provider. jsdom cannot see these styles, so this is checked in the browser.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../scripts/e2e-kit/fixture-server';
import { waitForTranslations } from '../scripts/e2e-kit/page-state';
import { normalizeText } from '../scripts/e2e-kit/pseudo-translate';
import { scrollThrough } from './helpers/page-probe';
import { startSession, type E2ESession } from './helpers/session';

const HIDDEN_DIR = fileURLToPath(new URL('./fixtures/hidden/', import.meta.url));
const VISIBLE = [
  'Duemila alberi in cinque anni: approvato il piano del verde',
  'Il consiglio comunale ha approvato ieri sera il nuovo piano per il verde urbano, che prevede duemila alberi in cinque anni.',
  "Secondo l'assessore all'ambiente, i primi cantieri apriranno in autunno nei quartieri più esposti al caldo estivo.",
  'Il parco fluviale al tramonto, una delle aree del piano.',
  'Le associazioni dei residenti hanno accolto con favore la decisione, chiedendo però più manutenzione dei parchi esistenti.',
  'Il costo complessivo del piano è stimato in dodici milioni di euro, finanziati in parte con fondi europei.',
];
const HIDDEN = ['Didascalia nascosta', 'Testo invisibile', 'fuori dallo schermo', 'Etichetta ritagliata', 'foglio di stile', 'completamente trasparente', 'Contenuto chiuso'];

describe('hidden text is never sent', () => {
  let s: E2ESession;
  let hiddenServer: FixtureServer;

  beforeAll(async () => {
    hiddenServer = await startFixtureServer(HIDDEN_DIR);
    s = await startSession({ settings: { targetLanguage: 'de', alwaysTranslateSites: ['127.0.0.1'] } });
  });
  afterAll(async () => {
    await s?.close();
    await hiddenServer?.close();
  });

  it('sends every visible paragraph and nothing hidden', async () => {
    await s.page.goto(hiddenServer.url('hidden-styles-it.html'));
    await s.page.waitForFunction(() => document.querySelector('duet-translation[data-duet-state="done"]'), null, { timeout: 30_000 });
    await scrollThrough(s.page);
    await waitForTranslations(s.page, { scope: 'all', timeoutMs: 30_000 });
    const sent = s.fake.log.flatMap((r) => r.texts.map(normalizeText));
    for (const text of sent) for (const hidden of HIDDEN) expect(text, `hidden text sent: "${text.slice(0, 80)}"`).not.toContain(hidden);
    for (const visible of VISIBLE) expect(sent, `visible text not sent: "${visible.slice(0, 60)}"`).toContain(visible);
    // The hostile stack alone is 30,000 characters; what was sent is the visible article.
    expect(s.fake.chars).toBeLessThan(2_000);
  });
});
