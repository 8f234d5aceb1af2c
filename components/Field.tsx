import { useId, useState } from 'react';
import { t } from '@/utils/i18n/t';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  kind?: 'text' | 'url' | 'secret' | 'number';
  required?: boolean;
  placeholder?: string;
  help?: string;
  /** Validation message; marks the input invalid and is read out with it. */
  error?: string | null;
  name?: string;
  min?: number;
  max?: number;
}

/**
 * A labelled input. Secrets are password inputs with a show/hide button (the reader checks a pasted
 * key without it sitting in view); help and error texts are tied to the input for screen readers.
 */
export function Field({ label, value, onChange, kind = 'text', required, placeholder, help, error, name, min, max }: Props) {
  const id = useId();
  const helpId = useId();
  const errorId = useId();
  const [shown, setShown] = useState(false);
  const type = kind === 'secret' ? (shown ? 'text' : 'password') : kind === 'url' ? 'url' : kind === 'number' ? 'number' : 'text';
  const describedBy = [help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="duet-field">
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      <div className="duet-input-row">
        <input
          id={id}
          name={name}
          type={type}
          value={value}
          required={required}
          placeholder={placeholder}
          min={min}
          max={max}
          autoComplete={kind === 'secret' ? 'off' : undefined}
          spellCheck={kind === 'text' ? undefined : false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
        {kind === 'secret' && (
          <button type="button" onClick={() => setShown((s) => !s)} aria-pressed={shown} aria-controls={id}>
            {shown ? t('field_hide') : t('field_show')}
          </button>
        )}
      </div>
      {help && (
        <p id={helpId} className="duet-hint">
          {help}
        </p>
      )}
      {error && (
        <p id={errorId} className="duet-field-error">
          {error}
        </p>
      )}
    </div>
  );
}
