import { ErrorNote } from '@/components/ErrorNote';
import { useSettings } from '@/components/SettingsContext';
import { t } from '@/utils/i18n/t';
import { CacheSection } from './CacheSection';
import { DisplaySection } from './DisplaySection';
import { ProviderSection } from './ProviderSection';
import { SiteRulesSection } from './SiteRulesSection';

/** The options page: one column of sections; every change is saved as it is made, except provider forms. */
export function App() {
  const error = useSettings((s) => s.error);
  const clearError = useSettings((s) => s.clearError);
  return (
    <main className="duet-options">
      <header>
        <h1>{t('options_title')}</h1>
        <p className="duet-hint">{t('options_live')}</p>
      </header>
      <ErrorNote message={error} onDismiss={clearError} />
      <ProviderSection />
      <DisplaySection />
      <SiteRulesSection />
      <CacheSection />
    </main>
  );
}
