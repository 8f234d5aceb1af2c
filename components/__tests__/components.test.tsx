// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Field } from '../Field';
import { LanguageSelect } from '../LanguageSelect';
import { ModeSwitch } from '../ModeSwitch';
import { ProgressSummary, progressSentence } from '../ProgressSummary';
import { ProviderSelect } from '../ProviderSelect';
import { ErrorNote } from '../ErrorNote';
import { byLabel, changeValue, click, render, type Rendered } from './render';
import type { ProviderInfo, TabStatus } from '@/utils/messaging/protocol';

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

describe('ModeSwitch', () => {
  it('is a radio group with the current mode checked, and reports a new choice', async () => {
    const onChange = vi.fn();
    view = await render(<ModeSwitch value="bilingual" onChange={onChange} />);
    const radios = [...view.container.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((r) => r.value)).toEqual(['original', 'bilingual', 'translation']);
    expect(radios.filter((r) => r.checked).map((r) => r.value)).toEqual(['bilingual']);
    expect(new Set(radios.map((r) => r.name)).size).toBe(1); // one group: arrow keys move between them
    await click(radios[2]!);
    expect(onChange).toHaveBeenCalledWith('translation');
  });

  it('offers only the modes given and nothing checked when the mode is unknown', async () => {
    view = await render(<ModeSwitch value={null} modes={['bilingual', 'translation']} onChange={() => {}} />);
    const radios = [...view.container.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((r) => r.value)).toEqual(['bilingual', 'translation']);
    expect(radios.some((r) => r.checked)).toBe(false);
  });
});

describe('LanguageSelect', () => {
  it('lists languages by name after the extra entry and reports the chosen code', async () => {
    const onChange = vi.fn();
    view = await render(<LanguageSelect label="From" value="auto" extra={{ value: 'auto', label: 'Detect' }} onChange={onChange} />);
    const select = byLabel<HTMLSelectElement>(view.container, 'From');
    expect(select.options[0]!.textContent).toBe('Detect');
    expect(select.value).toBe('auto');
    expect([...select.options].find((o) => o.value === 'de')?.textContent).toBe('German');
    await changeValue(select, 'ja');
    expect(onChange).toHaveBeenCalledWith('ja');
  });

  it('keeps a stored code that is not in the list visible and selected', async () => {
    view = await render(<LanguageSelect label="To" value="eu" onChange={() => {}} />);
    const select = byLabel<HTMLSelectElement>(view.container, 'To');
    expect(select.value).toBe('eu');
    expect(select.selectedOptions[0]?.textContent).toBe('Basque');
  });

  it("lists only the languages the provider offers when it says which", async () => {
    view = await render(<LanguageSelect label="To" value="en" only={['en', 'es', 'zh']} onChange={() => {}} />);
    const codes = [...byLabel<HTMLSelectElement>(view.container, 'To').options].map((o) => o.value);
    expect(codes).toEqual(expect.arrayContaining(['en', 'es', 'zh-CN', 'zh-TW']));
    expect(codes).not.toContain('de');
  });
});

describe('ProviderSelect', () => {
  const providers: ProviderInfo[] = [
    { id: 'google', label: 'Google', usable: true, targetLanguages: [] },
    { id: 'deepl', label: 'DeepL', usable: false, reason: 'Add your API key in the settings', targetLanguages: [] },
  ];

  it('disables unusable providers and says why', async () => {
    view = await render(<ProviderSelect providers={providers} value="google" onChange={() => {}} />);
    const select = view.container.querySelector('select')!;
    const deepl = [...select.options].find((o) => o.value === 'deepl')!;
    expect(deepl.disabled).toBe(true);
    expect(deepl.textContent).toContain('Add your API key');
    expect([...select.options].find((o) => o.value === 'google')!.disabled).toBe(false);
  });

  it('warns when the provider in use is not usable, and lists an unknown current id', async () => {
    view = await render(<ProviderSelect providers={providers} value="deepl" onChange={() => {}} />);
    expect(view.container.querySelector('.duet-warning')?.textContent).toContain('Add your API key');
    view.unmount();
    view = await render(<ProviderSelect providers={[]} value="openai" onChange={() => {}} />);
    expect(view.container.querySelector('select')!.value).toBe('openai');
  });
});

describe('ProgressSummary', () => {
  it('says in words how far the page is, with a bar', async () => {
    const status: TabStatus = { mode: 'bilingual', isArticle: true, found: 20, translated: 12, fromCache: 5, failed: 3, pending: 5 };
    view = await render(<ProgressSummary status={status} />);
    const text = (sel: string) => view!.container.querySelector(sel)?.textContent;
    expect(text('[data-progress]')).toBe('Translating… 12 of 20 paragraphs');
    expect(text('[data-count=cached]')).toBe('5 came from the cache (no request)');
    expect(text('[data-count=failed]')).toBe('3 paragraphs could not be translated');
    const bar = view.container.querySelector('progress')!;
    expect(bar.max).toBe(20);
    expect(bar.value).toBe(15);
  });

  it('says the rest comes as the reader scrolls, names the language, and is red only on failure', async () => {
    const status: TabStatus = { mode: 'bilingual', isArticle: true, found: 40, translated: 12, fromCache: 0, failed: 0, pending: 0, detectedLanguage: 'es' };
    view = await render(<ProgressSummary status={status} />);
    const text = (sel: string) => view!.container.querySelector(sel)?.textContent;
    expect(text('[data-progress]')).toBe('12 of 40 paragraphs translated — the rest as you scroll');
    expect(text('[data-language]')).toBe('Page language: Spanish');
    expect(view.container.querySelector('[data-count=failed], [data-count=cached]')).toBeNull();
  });

  it('words each state of a page', () => {
    const s: TabStatus = { mode: 'original', isArticle: true, found: 17, translated: 0, fromCache: 0, failed: 0, pending: 0 };
    expect(progressSentence(s)).toBe('17 paragraphs to translate on this page');
    expect(progressSentence({ ...s, found: 1 })).toBe('1 paragraph to translate on this page');
    expect(progressSentence({ ...s, mode: 'bilingual', translated: 17 })).toBe('All 17 paragraphs translated');
    expect(progressSentence({ ...s, found: 0, isArticle: false })).toMatch(/not an article/);
    expect(progressSentence({ ...s, found: 0 })).toBe('No text to translate was found on this page.');
  });
});

describe('Field', () => {
  it('hides a secret until asked and shows validation errors', async () => {
    const onChange = vi.fn();
    view = await render(<Field label="API key" kind="secret" value="abc" onChange={onChange} error="Key is required." required />);
    const input = byLabel(view.container, 'API key');
    expect(input.type).toBe('password');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const describedBy = input.getAttribute('aria-describedby')!;
    expect(document.getElementById(describedBy)?.textContent).toBe('Key is required.');
    await click(view.container.querySelector('button')!);
    expect(input.type).toBe('text');
    await changeValue(input, 'xyz');
    expect(onChange).toHaveBeenCalledWith('xyz');
  });
});

describe('ErrorNote', () => {
  it('renders nothing without a message and an alert with one', async () => {
    view = await render(<ErrorNote message={null} />);
    expect(view.container.innerHTML).toBe('');
    view.unmount();
    const onDismiss = vi.fn();
    view = await render(<ErrorNote message="Server said no" onDismiss={onDismiss} />);
    expect(view.container.querySelector('[role=alert]')?.textContent).toContain('Server said no');
    await click(view.container.querySelector('button')!);
    expect(onDismiss).toHaveBeenCalled();
  });
});
