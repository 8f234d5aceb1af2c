import { useState } from 'react';
import { LanguageSelect } from '@/components/LanguageSelect';
import { modeLabel } from '@/components/ModeSwitch';
import { useSettings } from '@/components/SettingsContext';
import { languageDisplayName, t } from '@/utils/i18n/t';
import type { TranslatingMode } from '@/utils/settings/schema';
import { normalizeHostname, siteOfHost } from '@/utils/settings/site-rules';

/**
 * Accepts a hostname or a pasted address ("https://www.lemonde.fr/international/") and returns the
 * site a rule is stored under ("lemonde.fr": rules cover subdomains, so "www." adds nothing).
 */
export function hostnameFromInput(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    const host = normalizeHostname(url.hostname);
    return (/^[a-z0-9.-]+$/.test(host) && host.includes('.')) || host === 'localhost' ? siteOfHost(host) : null;
  } catch {
    return null;
  }
}

/** The entries of one rule list, each with its Remove button (sites and languages alike). */
function RuleItems({ items, labelOf = (item) => item, onRemove, extra }: {
  items: readonly string[];
  labelOf?: (item: string) => string;
  onRemove(item: string): void;
  extra?: (item: string) => React.ReactNode;
}) {
  return (
    <ul className="duet-site-list">
      {items.map((item) => (
        <li key={item}>
          <span>{labelOf(item)}</span>
          {extra?.(item)}
          <button type="button" onClick={() => onRemove(item)} aria-label={t('site_remove_aria', { site: labelOf(item) })}>
            {t('site_remove')}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** One list of sites with remove buttons and a field to add one. */
function SiteList({ kind, sites, onAdd, onRemove, extra }: {
  kind: 'always' | 'never';
  sites: readonly string[];
  onAdd(site: string): void;
  onRemove(site: string): void;
  extra?: (site: string) => React.ReactNode;
}) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = () => {
    const host = hostnameFromInput(draft);
    if (!host) {
      setProblem(t('site_invalid'));
      return;
    }
    setProblem(null);
    setDraft('');
    onAdd(host);
  };
  const headingId = `duet-sites-${kind}-heading`;
  return (
    <div aria-labelledby={headingId} role="group" data-site-list={kind}>
      <h3 id={headingId}>{t(kind === 'always' ? 'sites_always_heading' : 'sites_never_heading')}</h3>
      {sites.length === 0 ? (
        <p className="duet-hint">{t(kind === 'always' ? 'sites_empty_always' : 'sites_empty_never')}</p>
      ) : (
        <RuleItems items={sites} onRemove={onRemove} {...(extra ? { extra } : {})} />
      )}
      <form
        className="duet-input-row"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input
          type="text"
          aria-label={t(kind === 'always' ? 'site_add_always_label' : 'site_add_never_label')}
          placeholder="lemonde.fr"
          value={draft}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit">{t('site_add')}</button>
      </form>
      {problem && (
        <p className="duet-field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** Site rules as readers name sites, languages always translated, and a site's own display mode. */
export function SiteRulesSection() {
  const settings = useSettings((s) => s.settings);
  const { toggleSite, toggleNeverSite, setSiteMode, toggleLanguage } = useSettings((s) => s);
  const [language, setLanguage] = useState('');

  const modeChoice = (site: string) => (
    <select
      aria-label={t('site_mode_aria', { site })}
      value={settings.siteModes[site] ?? ''}
      onChange={(e) => void setSiteMode(site, (e.currentTarget.value || null) as TranslatingMode | null)}
    >
      <option value="">{t('site_mode_default', { mode: modeLabel(settings.mode) })}</option>
      <option value="bilingual">{modeLabel('bilingual')}</option>
      <option value="translation">{modeLabel('translation')}</option>
    </select>
  );

  return (
    <section aria-labelledby="duet-sites-heading" className="duet-card">
      <h2 id="duet-sites-heading">{t('sites_heading')}</h2>
      <p className="duet-hint">{t('sites_hint_subdomains')}</p>
      <SiteList
        kind="always"
        sites={settings.alwaysTranslateSites}
        onAdd={(site) => void toggleSite(site, true)}
        onRemove={(site) => void toggleSite(site, false)}
        extra={modeChoice}
      />
      <SiteList
        kind="never"
        sites={settings.neverTranslateSites}
        onAdd={(site) => void toggleNeverSite(site, true)}
        onRemove={(site) => void toggleNeverSite(site, false)}
      />
      <div role="group" aria-labelledby="duet-languages-always-heading" data-language-list>
        <h3 id="duet-languages-always-heading">{t('languages_always_heading')}</h3>
        <p className="duet-hint">{t('languages_always_hint')}</p>
        {settings.alwaysTranslateLanguages.length > 0 && (
          <RuleItems items={settings.alwaysTranslateLanguages} labelOf={languageDisplayName} onRemove={(code) => void toggleLanguage(code, false)} />
        )}
        <form
          className="duet-input-row"
          onSubmit={(e) => {
            e.preventDefault();
            if (language) void toggleLanguage(language, true);
            setLanguage('');
          }}
        >
          <LanguageSelect
            label={t('language_add_label')}
            value={language}
            extra={{ value: '', label: '—' }}
            onChange={setLanguage}
          />
          <button type="submit" disabled={!language}>
            {t('site_add')}
          </button>
        </form>
      </div>
    </section>
  );
}
