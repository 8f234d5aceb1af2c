import { useId } from 'react';
import { t } from '@/utils/i18n/t';
import type { ProviderInfo } from '@/utils/messaging/protocol';
import type { ProviderId } from '@/utils/translate/types';

interface Props {
  providers: readonly ProviderInfo[];
  value: ProviderId;
  onChange(id: ProviderId): void;
  label?: string;
  disabled?: boolean;
}

/**
 * Providers the background can use are selectable; the others are listed disabled with the reason
 * (missing key, no server URL …), so the reader sees what setting up would give them.
 */
export function ProviderSelect({ providers, value, onChange, label = t('provider_label'), disabled }: Props) {
  const id = useId();
  const hintId = useId();
  const current = providers.find((p) => p.id === value);
  const listed = current ? providers : [{ id: value, label: value, usable: false, reason: t('provider_not_available'), targetLanguages: [] }, ...providers];
  const reason = current && !current.usable ? current.reason ?? t('provider_not_usable') : null;
  return (
    <div className="duet-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={reason ? hintId : undefined}
        onChange={(e) => onChange(e.currentTarget.value as ProviderId)}
      >
        {listed.map((p) => (
          <option key={p.id} value={p.id} disabled={!p.usable && p.id !== value}>
            {p.usable ? p.label : `${p.label} — ${p.reason ?? t('provider_not_usable')}`}
          </option>
        ))}
      </select>
      {reason && (
        <p id={hintId} className="duet-warning">
          {current?.label}: {reason}
        </p>
      )}
    </div>
  );
}
