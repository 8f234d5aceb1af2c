import { useId } from 'react';
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
export function ProviderSelect({ providers, value, onChange, label = 'Translation service', disabled }: Props) {
  const id = useId();
  const hintId = useId();
  const current = providers.find((p) => p.id === value);
  const listed = current ? providers : [{ id: value, label: value, usable: false, reason: 'Not available', targetLanguages: [] }, ...providers];
  const reason = current && !current.usable ? current.reason ?? 'Not usable yet' : null;
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
            {p.usable ? p.label : `${p.label} — ${p.reason ?? 'not usable yet'}`}
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
