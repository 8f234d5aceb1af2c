import { useEffect, useMemo, useRef, useState } from 'react';
import { ErrorNote } from '@/components/ErrorNote';
import { useSettings } from '@/components/SettingsContext';
import { useProviders } from '@/components/useProviders';
import { t } from '@/utils/i18n/t';
import type { ProviderId } from '@/utils/translate/types';
import { ProviderConfigForm } from './ProviderConfigForm';
import { providerFormInfo } from './provider-registry';

/** Which service translates, and each service's settings. Any service can be set up; only usable ones can be used. */
export function ProviderSection() {
  const infos = useMemo(() => providerFormInfo(), []);
  const { providers, error, reload } = useProviders();
  const inUse = useSettings((s) => s.settings.provider);
  const ready = useSettings((s) => s.status === 'ready');
  const update = useSettings((s) => s.update);
  const [editing, setEditing] = useState<ProviderId>(inUse);

  // Open the form of the service in use once the stored settings are known.
  const synced = useRef(false);
  useEffect(() => {
    if (ready && !synced.current) {
      synced.current = true;
      setEditing(inUse);
    }
  }, [ready, inUse]);

  const info = infos.find((p) => p.id === editing) ?? infos[0]!;
  const live = providers.find((p) => p.id === editing);
  const labelOf = (id: ProviderId) => providers.find((p) => p.id === id)?.label ?? infos.find((p) => p.id === id)?.label ?? id;

  return (
    <section aria-labelledby="duet-provider-heading" className="duet-card">
      <h2 id="duet-provider-heading">{t('provider_label')}</h2>
      <p>
        {t('provider_in_use')} <strong data-in-use={inUse}>{labelOf(inUse)}</strong>
      </p>
      <ErrorNote message={error} />
      <div className="duet-field">
        <label htmlFor="duet-provider-edit">{t('provider_set_up')}</label>
        <select id="duet-provider-edit" value={editing} onChange={(e) => setEditing(e.currentTarget.value as ProviderId)}>
          {infos.map((p) => {
            const state = providers.find((x) => x.id === p.id);
            const suffix = !state ? '' : state.usable ? ` — ${t('provider_ready')}` : ` — ${state.reason ?? t('provider_needs_setup')}`;
            return (
              <option key={p.id} value={p.id}>
                {labelOf(p.id)}
                {suffix}
              </option>
            );
          })}
        </select>
      </div>
      <ProviderConfigForm key={info.id} provider={{ ...info, label: labelOf(info.id) }} onSaved={reload} />
      {editing !== inUse && (
        <div className="duet-actions">
          <button
            type="button"
            className="duet-primary"
            disabled={!live?.usable}
            onClick={() => void update({ provider: editing })}
          >
            {t('provider_use', { provider: labelOf(editing) })}
          </button>
          {live && !live.usable && <span className="duet-warning">{live.reason ?? t('provider_not_usable')}</span>}
        </div>
      )}
    </section>
  );
}
