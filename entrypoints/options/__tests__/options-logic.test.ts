import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ConfigField } from '@/utils/translate/types';
import { isHttpUrl, originPatterns, validateConfig } from '../config-validation';
import { FALLBACK_LABELS, providerFormInfo } from '../provider-registry';
import { hostnameFromInput } from '../SiteRulesSection';
import { formatMb } from '../CacheSection';

const FIELDS: ConfigField[] = [
  { name: 'url', label: 'Server URL', kind: 'url', required: true },
  { name: 'apiKey', label: 'API key', kind: 'secret', required: false },
  { name: 'mirror', label: 'Mirror', kind: 'url', required: false },
];

beforeEach(() => {
  fakeBrowser.reset();
});

describe('config validation', () => {
  it('accepts only http(s) URLs', () => {
    expect(isHttpUrl('https://libretranslate.example/')).toBe(true);
    expect(isHttpUrl('http://127.0.0.1:5000')).toBe(true);
    expect(isHttpUrl('ftp://files.example')).toBe(false);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('localhost:5000')).toBe(false);
  });

  it('reports missing required fields and bad URLs, by field', () => {
    expect(validateConfig(FIELDS, {})).toEqual({ url: 'Server URL is required.' });
    expect(Object.keys(validateConfig(FIELDS, { url: 'libre.example', mirror: 'file:///x' }))).toEqual(['url', 'mirror']);
    expect(validateConfig(FIELDS, { url: ' https://libre.example ', apiKey: '' })).toEqual({});
  });

  it('turns URL fields into port-less host permission patterns, once each', () => {
    expect(
      originPatterns(FIELDS, { url: 'http://127.0.0.1:5000/translate', mirror: 'http://127.0.0.1:6000', apiKey: 'https://not-a-url-field' }),
    ).toEqual(['http://127.0.0.1/*']);
    expect(originPatterns(FIELDS, { url: 'https://lt.example.org' })).toEqual(['https://lt.example.org/*']);
    expect(originPatterns(FIELDS, { url: 'nonsense' })).toEqual([]);
  });
});

describe('provider registry for the form', () => {
  it('reads the real registry: every provider with its fields, secrets and URLs as data', () => {
    const infos = providerFormInfo();
    expect(infos.every((p) => Array.isArray(p.configFields) && p.label.length > 0)).toBe(true);
    const libre = infos.find((p) => p.id === 'libretranslate')!;
    expect(libre.configFields!.some((f) => f.kind === 'url' && f.required)).toBe(true);
  });

  it('takes labels and fields from a registry and falls back per provider', () => {
    const infos = providerFormInfo({ deepl: { label: 'DeepL API', configFields: [FIELDS[1]!] } });
    expect(infos.map((p) => p.id)).toEqual(Object.keys(FALLBACK_LABELS));
    expect(infos.find((p) => p.id === 'deepl')).toEqual({ id: 'deepl', label: 'DeepL API', configFields: [FIELDS[1]] });
    expect(infos.find((p) => p.id === 'google')).toEqual({ id: 'google', label: FALLBACK_LABELS.google, configFields: null });
  });
});

describe('site input and sizes', () => {
  it('reads hostnames from typed names and pasted addresses', () => {
    expect(hostnameFromInput('lemonde.fr')).toBe('lemonde.fr');
    // rules cover subdomains, so the site is stored without "www."
    expect(hostnameFromInput('  https://WWW.Spiegel.de/politik/a.html ')).toBe('spiegel.de');
    expect(hostnameFromInput('international.lemonde.fr')).toBe('international.lemonde.fr');
    expect(hostnameFromInput('localhost')).toBe('localhost');
    expect(hostnameFromInput('not a site')).toBeNull();
    expect(hostnameFromInput('')).toBeNull();
  });

  it('formats megabytes', () => {
    expect(formatMb(0)).toBe('0.0 MB');
    expect(formatMb(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatMb(50 * 1024 * 1024)).toBe('50 MB');
  });
});

describe('forOptionsPage', () => {
  it("never tells the reader on the options page to go to Duet's options", async () => {
    const { forOptionsPage } = await import('../config-validation');
    expect(forOptionsPage("DeepL needs an API key. Add it in Duet's options.")).toBe('DeepL needs an API key. Add it in its settings below.');
    expect(forOptionsPage("Check the DeepL API key in Duet's options (keys of the Free plan end in \":fx\").")).toBe('Check the DeepL API key (keys of the Free plan end in ":fx").');
    expect(forOptionsPage('Google Translate is refusing requests.')).toBe('Google Translate is refusing requests.');
  });
});
