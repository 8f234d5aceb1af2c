import { useEffect, useMemo, useRef, useState } from 'react';
import { ErrorNote } from '@/components/ErrorNote';
import { useSettings } from '@/components/SettingsContext';
import { useProviders } from '@/components/useProviders';
import { t } from '@/utils/i18n/t';
import type { ProviderInfo } from '@/utils/messaging/protocol';
import type { ProviderId } from '@/utils/translate/types';
import { forOptionsPage } from './config-validation';
import { ProviderConfigForm } from './ProviderConfigForm';
import { providerFormInfo } from './provider-registry';

/** What the list says about a service: the truth the background knows (a failed test or translation wins). */
export function providerState(state: ProviderInfo | undefined): { text: string; kind: 'ready' | 'failing' | 'setup' | 'unknown' } {
  if (!state) return { text: '', kind: 'unknown' };
  if (!state.usable) return { text: forOptionsPage(state.reason ?? t('provider_needs_setup')), kind: 'setup' };
  if (state.failing) return { text: t('provider_failing', { reason: forOptionsPage(state.failing) }), kind: 'failing' };
  return { text: t('provider_ready'), kind: 'ready' };
}

/**
 * Which service translates (one click on a usable one), whether Duet may fall back to another keyless
 * service when it fails, and each service's settings.
 */
export function ProviderSection() {
  const infos = useMemo(() => providerFormInfo(), []);
  const { providers, error, reload } = useProviders();
  const inUse = useSettings((s) => s.settings.provider);
  const fallback = useSettings((s) => s.settings.fallbackChain !== false);
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
  const labelOf = (id: ProviderId) => providers.find((p) => p.id === id)?.label ?? infos.find((p) => p.id === id)?.label ?? id;

  return (
    <section aria-labelledby="duet-provider-heading" className="duet-card">
      <h2 id="duet-provider-heading">{t('provider_label')}</h2>
      <p>
        {t('provider_in_use')} <strong data-in-use={inUse}>{labelOf(inUse)}</strong>
      </p>
      <ErrorNote message={error} />
      <fieldset className="duet-provider-list">
        <legend>{t('provider_list_legend')}</legend>
        {infos.map((p) => {
          const live = providers.find((x) => x.id === p.id);
          const state = providerState(live);
          return (
            <div key={p.id} className="duet-provider-row" data-provider={p.id} data-state={state.kind}>
              <label>
                <input
                  type="radio"
                  name="duet-provider"
                  value={p.id}
                  checked={inUse === p.id}
                  disabled={!live?.usable}
                  onChange={() => {
                    setEditing(p.id);
                    void update({ provider: p.id });
                  }}
                />{' '}
                {labelOf(p.id)}
              </label>
              {state.text && <span className={state.kind === 'ready' ? 'duet-provider-state' : 'duet-provider-state duet-warning'}> — {state.text}</span>}{' '}
              {editing !== p.id && (p.configFields?.length ?? 0) > 0 && (
                <button type="button" className="duet-link" onClick={() => setEditing(p.id)} aria-label={t('provider_set_up_aria', { provider: labelOf(p.id) })}>
                  {t('provider_set_up')}
                </button>
              )}
            </div>
          );
        })}
      </fieldset>
      <label className="duet-field duet-checkbox">
        <input type="checkbox" checked={fallback} onChange={(e) => void update({ fallbackChain: e.currentTarget.checked })} />{' '}
        {t('provider_fallback_chain')}
      </label>
      <h3>{t('provider_settings_of', { provider: labelOf(info.id) })}</h3>
      <ProviderConfigForm key={info.id} provider={{ ...info, label: labelOf(info.id) }} onSaved={reload} />
    </section>
  );
}
