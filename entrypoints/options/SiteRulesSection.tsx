import { useState } from 'react';
import { useSettings } from '@/components/SettingsContext';
import { normalizeHostname } from '@/utils/settings/migrations';

/** Accepts a hostname or a pasted address ("https://www.lemonde.fr/international/") and returns the hostname. */
export function hostnameFromInput(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    const host = normalizeHostname(url.hostname);
    return (/^[a-z0-9.-]+$/.test(host) && host.includes('.')) || host === 'localhost' ? host : null;
  } catch {
    return null;
  }
}

/** Sites translated as soon as they open, with remove buttons and a field to add one. */
export function SiteRulesSection() {
  const sites = useSettings((s) => s.settings.alwaysTranslateSites);
  const toggleSite = useSettings((s) => s.toggleSite);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = () => {
    const host = hostnameFromInput(draft);
    if (!host) {
      setProblem('Enter a site such as lemonde.fr or paste its address.');
      return;
    }
    setProblem(null);
    setDraft('');
    void toggleSite(host, true);
  };

  return (
    <section aria-labelledby="duet-sites-heading" className="duet-card">
      <h2 id="duet-sites-heading">Always translate these sites</h2>
      {sites.length === 0 ? (
        <p className="duet-hint">No sites yet. Tick “Always translate” in the popup on a site, or add one here.</p>
      ) : (
        <ul className="duet-site-list">
          {sites.map((host) => (
            <li key={host}>
              <span>{host}</span>
              <button type="button" onClick={() => void toggleSite(host, false)} aria-label={`Remove ${host}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
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
          aria-label="Site to add"
          placeholder="lemonde.fr"
          value={draft}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit">Add</button>
      </form>
      {problem && (
        <p className="duet-field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
