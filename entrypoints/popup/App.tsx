import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { ErrorNote } from '@/components/ErrorNote';
import { LanguageSelect } from '@/components/LanguageSelect';
import { ModeSwitch } from '@/components/ModeSwitch';
import { ProgressSummary } from '@/components/ProgressSummary';
import { ProviderSelect } from '@/components/ProviderSelect';
import { useSettings } from '@/components/SettingsContext';
import { useProviders } from '@/components/useProviders';
import { resolveTargetLanguage } from '@/utils/settings/languages';
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
      setTabError(`Could not find the current tab: ${describe(e)}`);
    });
  }, []);

  const closed = tab ? isClosedPage(tab.url) : false;
  const { status, unreachable, error: statusError, command } = useTabStatus(tab && !closed ? tab.id : null, pollMs);
  const cannotRun = closed || unreachable || tab === null;

  const settings = useSettings((s) => s.settings);
  const settingsError = useSettings((s) => s.error);
  const { update, toggleSite, clearError } = useSettings((s) => s);
  const { providers, error: providersError } = useProviders();
  const [openError, setOpenError] = useState<string | null>(null);

  const site = siteOf(tab?.url);
  const target = resolveTargetLanguage(settings.targetLanguage);

  const openOptions = () => {
    browser.runtime.openOptionsPage().then(
      () => window.close(),
      (e: unknown) => setOpenError(`Could not open the settings: ${describe(e)}`),
    );
  };

  return (
    <main className="duet-popup">
      <header className="duet-popup-header">
        <h1>Duet</h1>
        <button type="button" className="duet-link" onClick={openOptions}>
          Settings
        </button>
      </header>

      <ErrorNote message={tabError ?? statusError} />
      <ErrorNote message={settingsError} onDismiss={clearError} />
      <ErrorNote message={openError} onDismiss={() => setOpenError(null)} />

      {cannotRun && tab !== undefined ? (
        <p className="duet-unavailable" role="status">
          <strong>Duet can't run on this page.</strong>{' '}
          {!closed && site ? 'If the page was open before Duet was installed or updated, reload it.' : 'Browser pages and add-on stores are closed to extensions.'}
        </p>
      ) : (
        <section aria-label="This page">
          <ModeSwitch value={status?.mode ?? null} disabled={!status} onChange={(mode) => void command({ type: 'setMode', mode })} />
          {status && <ProgressSummary status={status} />}
          {status && <StatusNotice status={status} />}
          <div className="duet-actions">
            {status && status.failed > 0 && (
              <button type="button" onClick={() => void command({ type: 'retryFailed' })}>
                Retry failed ({status.failed})
              </button>
            )}
            {status && !status.isArticle && (
              <button type="button" onClick={() => void command({ type: 'translateWholePage' })}>
                Translate whole page
              </button>
            )}
          </div>
        </section>
      )}

      <section aria-label="Languages and service" className="duet-popup-settings">
        <div className="duet-lang-row">
          <LanguageSelect
            label="From"
            value={settings.sourceLanguage}
            extra={{ value: 'auto', label: 'Detect automatically' }}
            onChange={(code) => void update({ sourceLanguage: code })}
          />
          <LanguageSelect
            label="To"
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
            disabled={!site}
            checked={!!site && settings.alwaysTranslateSites.includes(site)}
            onChange={(e) => site && void toggleSite(site, e.currentTarget.checked)}
          />
          <span>Always translate {site ?? 'this site'}</span>
        </label>
      </section>
    </main>
  );
}
