import { LanguageSelect } from '@/components/LanguageSelect';
import { ModeSwitch } from '@/components/ModeSwitch';
import { useSettings } from '@/components/SettingsContext';
import { languageName, uiLanguage } from '@/utils/settings/languages';
import { Layout } from '@/utils/settings/schema';

const LAYOUT_LABELS: Record<Layout, string> = {
  auto: 'Automatic (side by side when there is room)',
  'side-by-side': 'Side by side',
  stacked: 'Translation under the original',
};

/** How translated pages look (layout, default mode) and which languages Duet translates between. */
export function DisplaySection() {
  const settings = useSettings((s) => s.settings);
  const update = useSettings((s) => s.update);
  const browserLanguage = uiLanguage();
  return (
    <>
      <section aria-labelledby="duet-display-heading" className="duet-card">
        <h2 id="duet-display-heading">Display</h2>
        <ModeSwitch
          label="When Duet translates a page, show"
          modes={['bilingual', 'translation'] as const}
          value={settings.mode}
          onChange={(mode) => void update({ mode })}
        />
        <div className="duet-field">
          <label htmlFor="duet-layout">Bilingual layout</label>
          <select
            id="duet-layout"
            value={settings.layout}
            onChange={(e) => void update({ layout: Layout.parse(e.currentTarget.value) })}
          >
            {Layout.options.map((layout) => (
              <option key={layout} value={layout}>
                {LAYOUT_LABELS[layout]}
              </option>
            ))}
          </select>
        </div>
      </section>
      <section aria-labelledby="duet-languages-heading" className="duet-card">
        <h2 id="duet-languages-heading">Languages</h2>
        <LanguageSelect
          label="Translate into"
          value={settings.targetLanguage}
          extra={{ value: '', label: `Browser language (${languageName(browserLanguage)})` }}
          onChange={(targetLanguage) => void update({ targetLanguage })}
        />
        <LanguageSelect
          label="Translate from"
          value={settings.sourceLanguage}
          extra={{ value: 'auto', label: 'Detect automatically' }}
          onChange={(sourceLanguage) => void update({ sourceLanguage })}
        />
      </section>
    </>
  );
}
