import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { ErrorNote } from '@/components/ErrorNote';
import { LanguageSelect } from '@/components/LanguageSelect';
import { ModeSwitch } from '@/components/ModeSwitch';
import { ProgressSummary } from '@/components/ProgressSummary';
import { ProviderSelect } from '@/components/ProviderSelect';
import { useSettings } from '@/components/SettingsContext';
import { useProviders } from '@/components/useProviders';
import { languageDisplayName, t, tn } from '@/utils/i18n/t';
import { resolveTargetLanguage } from '@/utils/settings/languages';
import { decideForPage, learningForSite, learningSitePatch, siteOfHost } from '@/utils/settings/site-rules';
import { getActiveTab, isClosedPage, siteOf, type ActiveTab } from './active-tab';
import { useTabStatus } from './useTabStatus';
import { StatusNotice } from './StatusNotice';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The toolbar popup: this tab's mode and progress, and the settings a reader changes often. */
export function App({ pollMs = 500 }: { pollMs?: number }) {
  const [tab, setTab] = useState<ActiveTab | null | undefined>(undefined);
  const [tabError, setTabError] = useState<string | null>(null);
  useEffect(() => {
    getActiveTab().then(setTab, (e: unknown) => {
      setTab(null);
      setTabError(t('err_find_tab', { error: describe(e) }));
    });
  }, []);

  const closed = tab ? isClosedPage(tab.url) : false;
  const { status, unreachable, error: statusError, command } = useTabStatus(tab && !closed ? tab.id : null, pollMs);
  const cannotRun = closed || unreachable || tab === null;

  const settings = useSettings((s) => s.settings);
  const settingsError = useSettings((s) => s.error);
  const { update, setSitePreference, toggleLanguage, clearError } = useSettings((s) => s);
  const { providers, error: providersError } = useProviders();
  const [openError, setOpenError] = useState<string | null>(null);

  // Without the `tabs` permission the tab's URL may be withheld; the page's content script says its host.
  const host = siteOf(tab?.url) ?? status?.host ?? null;
  const site = host ? siteOfHost(host) : null;
  const target = resolveTargetLanguage(settings.targetLanguage);
  const decision = host ? decideForPage(settings, host, status?.pageLanguage ?? status?.detectedLanguage) : null;
  const pageLanguage = (status?.detectedLanguage ?? status?.pageLanguage)?.split('-')[0];

  const openOptions = () => {
    browser.runtime.openOptionsPage().then(
      () => window.close(),
      (e: unknown) => setOpenError(t('err_open_settings', { error: describe(e) })),
    );
  };

  return (
    <main className="duet-popup">
      <header className="duet-popup-header">
        <h1>Duet</h1>
        <button type="button" className="duet-link" onClick={openOptions}>
          {t('popup_settings')}
        </button>
      </header>

      <ErrorNote message={tabError ?? statusError} />
      <ErrorNote message={settingsError} onDismiss={clearError} />
      <ErrorNote message={openError} onDismiss={() => setOpenError(null)} />

      {cannotRun && tab !== undefined ? (
        <p className="duet-unavailable" role="status">
          <strong>{t('popup_cannot_run')}</strong> {!closed && host ? t('popup_reload_hint') : t('popup_closed_hint')}
        </p>
      ) : (
        <section aria-label={t('popup_this_page')}>
          <ModeSwitch value={status?.mode ?? null} disabled={!status} onChange={(mode) => void command({ type: 'setMode', mode })} />
          {status && <ProgressSummary status={status} />}
          {decision?.reason === 'never' && status?.mode === 'original' && (
            <p className="duet-hint" data-site-note="never">
              {t('popup_never_note', { site: decision.rule ?? site ?? '' })}
            </p>
          )}
          {status && <StatusNotice status={status} />}
          <div className="duet-actions">
            {status && status.failed > 0 && (
              <button type="button" onClick={() => void command({ type: 'retryFailed' })}>
                {tn('popup_retry_failed', status.failed)}
              </button>
            )}
            {status && !status.isArticle && !status.wholePage && (
              <button
                type="button"
                title={t('popup_whole_page_hint')}
                onClick={() => void command({ type: 'translateWholePage' })}
              >
                {t('popup_whole_page')}
              </button>
            )}
          </div>
        </section>
      )}

      <section aria-label={t('popup_languages_service')} className="duet-popup-settings">
        <div className="duet-lang-row">
          <LanguageSelect
            label={t('popup_from')}
            value={settings.sourceLanguage}
            extra={{ value: 'auto', label: t('lang_detect') }}
            onChange={(code) => void update({ sourceLanguage: code })}
          />
          <LanguageSelect
            label={t('popup_to')}
            value={target}
            only={providers?.find((p) => p.id === settings.provider)?.targetLanguages}
            onChange={(code) => void update({ targetLanguage: code })}
          />
        </div>
        <ProviderSelect providers={providers} value={settings.provider} onChange={(provider) => void update({ provider })} />
        <ErrorNote message={providersError} />
        <label className="duet-check">
          <input
            type="checkbox"
            disabled={!host}
            checked={decision?.reason === 'site'}
            onChange={(e) => host && void setSitePreference(host, e.currentTarget.checked ? 'always' : 'default')}
          />
          <span>{t('popup_always_site', { site: decision?.reason === 'site' ? decision.rule! : site ?? t('popup_this_site') })}</span>
        </label>
        <label className="duet-check">
          <input
            type="checkbox"
            disabled={!host}
            checked={decision?.reason === 'never'}
            onChange={(e) => host && void setSitePreference(host, e.currentTarget.checked ? 'never' : 'default')}
          />
          <span>{t('popup_never_site', { site: decision?.reason === 'never' ? decision.rule! : site ?? t('popup_this_site') })}</span>
        </label>
        <label className="duet-check" title={t('learning_hint')}>
          <input
            type="checkbox"
            disabled={!host}
            checked={host ? learningForSite(settings, host) : settings.learning}
            onChange={(e) => host && void update(learningSitePatch(settings, host, e.currentTarget.checked))}
          />
          <span>{t('popup_learning_site', { site: site ?? t('popup_this_site') })}</span>
        </label>
        {pageLanguage && pageLanguage !== target.split('-')[0] && (
          <label className="duet-check">
            <input
              type="checkbox"
              checked={settings.alwaysTranslateLanguages.includes(pageLanguage)}
              onChange={(e) => void toggleLanguage(pageLanguage, e.currentTarget.checked)}
            />
            <span>{t('popup_always_language', { language: languageDisplayName(pageLanguage) })}</span>
          </label>
        )}
      </section>
    </main>
  );
}
