import { useId } from 'react';
import { languageDisplayName, uiLocale } from '@/utils/i18n/t';
import { LANGUAGES, type Language } from '@/utils/settings/languages';

interface Props {
  label: string;
  value: string;
  onChange(code: string): void;
  /** An extra first entry such as "Detect automatically" (value 'auto'). */
  extra?: { value: string; label: string };
  disabled?: boolean;
  /** Codes the chosen provider offers; when given (non-empty), only these are listed. */
  only?: readonly string[];
}

/** True when the provider's code covers ours: 'pt' covers 'pt', 'zh' covers 'zh-CN' and the reverse. */
function offered(code: string, only: readonly string[]): boolean {
  const primary = code.split('-')[0]!.toLowerCase();
  return only.some((o) => o.toLowerCase() === code.toLowerCase() || o.split('-')[0]!.toLowerCase() === primary);
}

/** Languages named in the reader's language (Intl.DisplayNames), in that language's alphabetical order. */
function localised(list: readonly Language[]): Language[] {
  const locale = uiLocale();
  let collator: Intl.Collator | undefined;
  try {
    collator = new Intl.Collator(locale);
  } catch {
    collator = undefined;
  }
  const named = list.map((l) => ({ code: l.code, name: languageDisplayName(l.code, locale) }));
  return collator ? named.sort((a, b) => collator.compare(a.name, b.name)) : named;
}

/** A labelled <select> of languages by their names in the reader's language. */
export function LanguageSelect({ label, value, onChange, extra, disabled, only }: Props) {
  const id = useId();
  const options: Language[] = localised(only?.length ? LANGUAGES.filter((l) => offered(l.code, only)) : LANGUAGES);
  // A stored code outside the list (typed in an older version, or a provider-only language) stays visible.
  if (value && value !== extra?.value && !options.some((l) => l.code === value)) {
    options.unshift({ code: value, name: languageDisplayName(value) });
  }
  return (
    <div className="duet-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.currentTarget.value)}>
        {extra && <option value={extra.value}>{extra.label}</option>}
        {options.map((l) => (
          <option key={l.code} value={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}
