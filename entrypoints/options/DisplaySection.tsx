import { LanguageSelect } from '@/components/LanguageSelect';
import { ModeSwitch } from '@/components/ModeSwitch';
import { useSettings } from '@/components/SettingsContext';
import { languageDisplayName, t } from '@/utils/i18n/t';
import { uiLanguage } from '@/utils/settings/languages';
import { Layout, TranslationSize, TranslationStyle } from '@/utils/settings/schema';

const LAYOUT_KEYS: Record<Layout, string> = { auto: 'layout_auto', 'side-by-side': 'layout_side', stacked: 'layout_stacked' };

/** A labelled <select> over one enum setting. */
function Choice<V extends string>({ id, label, value, options, labelOf, onChange }: {
  id: string;
  label: string;
  value: V;
  options: readonly V[];
  labelOf(v: V): string;
  onChange(v: V): void;
}) {
  return (
    <div className="duet-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as V)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {labelOf(o)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** How translated pages look (where the translation goes, its style and size, the default mode) and the languages. */
export function DisplaySection() {
  const settings = useSettings((s) => s.settings);
  const update = useSettings((s) => s.update);
  const browserLanguage = uiLanguage();
  return (
    <>
      <section aria-labelledby="duet-display-heading" className="duet-card">
        <h2 id="duet-display-heading">{t('display_heading')}</h2>
        <ModeSwitch
          label={t('display_mode_legend')}
          modes={['bilingual', 'translation'] as const}
          value={settings.mode}
          onChange={(mode) => void update({ mode })}
        />
        <p className="duet-hint">{t('translation_only_hint')}</p>
        <Choice
          id="duet-layout"
          label={t('layout_label')}
          value={settings.layout}
          options={Layout.options}
          labelOf={(l) => t(LAYOUT_KEYS[l])}
          onChange={(layout) => void update({ layout })}
        />
        <Choice
          id="duet-style"
          label={t('style_label')}
          value={settings.translationStyle}
          options={TranslationStyle.options}
          labelOf={(s) => t(`style_${s}`)}
          onChange={(translationStyle) => void update({ translationStyle })}
        />
        <Choice
          id="duet-size"
          label={t('size_label')}
          value={settings.translationSize}
          options={TranslationSize.options}
          labelOf={(s) => t(`size_${s}`)}
          onChange={(translationSize) => void update({ translationSize })}
        />
        <label className="duet-field duet-checkbox">
          <input type="checkbox" checked={settings.learning} onChange={(e) => void update({ learning: e.currentTarget.checked })} />{' '}
          {t('options_learning')}
        </label>
        <p className="duet-hint">{t('learning_hint')}</p>
      </section>
      <section aria-labelledby="duet-languages-heading" className="duet-card">
        <h2 id="duet-languages-heading">{t('languages_heading')}</h2>
        <LanguageSelect
          label={t('translate_into')}
          value={settings.targetLanguage}
          extra={{ value: '', label: t('browser_language', { language: languageDisplayName(browserLanguage) }) }}
          onChange={(targetLanguage) => void update({ targetLanguage })}
        />
        <LanguageSelect
          label={t('translate_from')}
          value={settings.sourceLanguage}
          extra={{ value: 'auto', label: t('lang_detect') }}
          onChange={(sourceLanguage) => void update({ sourceLanguage })}
        />
      </section>
    </>
  );
}
