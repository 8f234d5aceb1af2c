// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forOptionsPage } from '../../../entrypoints/options/config-validation';
import { setMessageSource, t } from '../t';
import type { TabStatus } from '../../messaging/protocol';
import { errorFromResponse } from '../../translate/http';
import { showBudgetNotice } from '../../page-ui/budget-notice';
import { pillView } from '../../page-ui/pill-view';
import { statusLine } from '../../page-ui/status-line';

/** The page-wide notices and the options' setup hints speak the reader's language (the other tests run in English). */
const messages = (folder: string) => JSON.parse(readFileSync(join(process.cwd(), 'public/_locales', folder, 'messages.json'), 'utf8'));

const base: TabStatus = { mode: 'bilingual', isArticle: true, found: 12, translated: 0, fromCache: 0, failed: 12, pending: 0 };

afterEach(() => setMessageSource(messages('en')));

describe('localised page notices', () => {
  it('the pill and popup line name the service failure, the retry time and the button in German', () => {
    setMessageSource(messages('de'));
    const status: TabStatus = { ...base, problem: { kind: 'rate-limit', message: 'Google Translate bittet um Geduld.', retryable: true, scope: 'page', retryAt: Date.now() + 60_000 } };
    const view = pillView(status);
    expect(view?.text).toMatch(/^Google Translate bittet um Geduld\. Neuer Versuch um \d\d:\d\d\.$/);
    expect(view?.action?.label).toBe('Jetzt wiederholen');
    expect(statusLine({ ...base, failed: 0, sameLanguage: 12, detectedLanguage: 'en' })).toBe('Diese Seite ist bereits auf Englisch');
  });

  it('the budget notice is in Arabic, right to left, with the count in the plural form Arabic uses', () => {
    setMessageSource(messages('ar'));
    const roots: ShadowRoot[] = [];
    const attach = Element.prototype.attachShadow;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
      const root = attach.call(this, init);
      roots.push(root);
      return root;
    });
    const notice = showBudgetNotice(document, 20_000, () => {});
    const box = roots[0]!.querySelector<HTMLElement>('.notice')!;
    expect(box.lang).toBe('ar');
    expect(box.dir).toBe('rtl');
    const arabic = new Intl.NumberFormat('ar').format(20_000);
    expect(box.querySelector('span')!.textContent).toContain(`${arabic} حرف`);
    expect(box.querySelector('button')!.textContent).toBe('متابعة');
    notice.destroy();
  });

  it("a service's refusal is worded in the reader's language, with the service's name filled in", async () => {
    setMessageSource(messages('fr'));
    const error = await errorFromResponse(new Response('<html>captcha</html>', { status: 429 }), { service: 'Google Translate', keyless: true });
    expect(error.message).toBe('Google Translate refuse pour l’instant les requêtes de ce réseau (HTTP 429). Réessayez plus tard ou choisissez un autre service de traduction.');
  });

  it("a provider's setup hint points at the form below on the options page, in Italian too", () => {
    setMessageSource(messages('it'));
    const reason = `${t('setup_libre_url')} ${t('setup_add_in_settings')}`;
    expect(reason).toBe('LibreTranslate richiede l’indirizzo di un server. Il campo si trova nelle impostazioni di Duet.');
    expect(forOptionsPage(reason)).toBe('LibreTranslate richiede l’indirizzo di un server. Il campo si trova qui sotto, nelle impostazioni del servizio.');
  });
});
