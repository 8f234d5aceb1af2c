import { useId } from 'react';
import { t } from '@/utils/i18n/t';
import type { DisplayMode } from '@/utils/settings/schema';

/** The modes' names in the reader's language. */
export function modeLabel(mode: DisplayMode): string {
  return t(`mode_${mode}`);
}

interface Props<M extends DisplayMode> {
  value: M | null;
  onChange(mode: M): void;
  modes?: readonly M[];
  label?: string;
  disabled?: boolean;
}

/**
 * Segmented control built from native radio buttons, so arrow keys, Tab and screen readers behave
 * as they do for any radio group.
 */
export function ModeSwitch<M extends DisplayMode = DisplayMode>({
  value,
  onChange,
  modes = ['original', 'bilingual', 'translation'] as unknown as readonly M[],
  label = t('mode_legend'),
  disabled,
}: Props<M>) {
  const name = useId();
  return (
    <fieldset className="duet-mode-switch" disabled={disabled}>
      <legend>{label}</legend>
      <div className="duet-segments">
        {modes.map((mode) => (
          <label key={mode} className={mode === value ? 'duet-segment duet-segment-on' : 'duet-segment'}>
            <input
              type="radio"
              name={name}
              value={mode}
              checked={mode === value}
              onChange={() => onChange(mode)}
            />
            <span>{modeLabel(mode)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
