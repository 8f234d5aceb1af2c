import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../schema';
import { covers, decideForPage, learningForSite, learningSitePatch, matchSite, modeForSite, siteOfHost, sitePreferencePatch } from '../site-rules';

const settings = (patch: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...patch });

describe('site rules', () => {
  it('a rule for a site covers the site and its subdomains, never a look-alike', () => {
    expect(covers('lemonde.fr', 'lemonde.fr')).toBe(true);
    expect(covers('lemonde.fr', 'www.lemonde.fr')).toBe(true);
    expect(covers('lemonde.fr', 'WWW.LeMonde.fr.')).toBe(true);
    expect(covers('lemonde.fr', 'jeux.www.lemonde.fr')).toBe(true);
    expect(covers('lemonde.fr', 'notlemonde.fr')).toBe(false);
    expect(covers('lemonde.fr', 'lemonde.fr.evil.example')).toBe(false);
    expect(covers('www.spiegel.de', 'spiegel.de')).toBe(false); // a v1 rule keeps exactly what it covered
  });

  it('stores new rules under the site without www. or m.', () => {
    expect(siteOfHost('www.lemonde.fr')).toBe('lemonde.fr');
    expect(siteOfHost('m.faz.net')).toBe('faz.net');
    expect(siteOfHost('www2.example.org')).toBe('example.org');
    expect(siteOfHost('news.bbc.co.uk')).toBe('news.bbc.co.uk');
    expect(siteOfHost('localhost')).toBe('localhost');
    expect(siteOfHost('www.com')).toBe('www.com'); // nothing left to name a site
  });

  it('picks the most specific rule', () => {
    expect(matchSite(['lemonde.fr', 'jeux.lemonde.fr'], 'a.jeux.lemonde.fr')).toBe('jeux.lemonde.fr');
    expect(matchSite(['lemonde.fr'], 'elpais.com')).toBeUndefined();
  });

  it('decides on load: site rules, then languages; never wins over a language and at equal specificity', () => {
    const s = settings({
      alwaysTranslateSites: ['lemonde.fr'],
      neverTranslateSites: ['jeux.lemonde.fr', 'nhk.or.jp'],
      alwaysTranslateLanguages: ['ja'],
    });
    expect(decideForPage(s, 'www.lemonde.fr', 'fr')).toMatchObject({ auto: true, reason: 'site', rule: 'lemonde.fr' });
    expect(decideForPage(s, 'jeux.lemonde.fr', 'fr')).toMatchObject({ auto: false, reason: 'never' });
    expect(decideForPage(s, 'www3.nhk.or.jp', 'ja')).toMatchObject({ auto: false, reason: 'never' });
    expect(decideForPage(s, 'asahi.com', 'ja-JP')).toMatchObject({ auto: true, reason: 'language', rule: 'ja' });
    expect(decideForPage(s, 'asahi.com', undefined)).toMatchObject({ auto: false, reason: 'none' });
    const tie = settings({ alwaysTranslateSites: ['x.example'], neverTranslateSites: ['x.example'] });
    expect(decideForPage(tie, 'x.example').reason).toBe('never');
  });

  it("gives a site its own display mode, else the general one", () => {
    const s = settings({ mode: 'bilingual', siteModes: { 'lemonde.fr': 'translation' } });
    expect(modeForSite(s, 'www.lemonde.fr')).toBe('translation');
    expect(decideForPage({ ...s, alwaysTranslateSites: ['lemonde.fr'] }, 'lemonde.fr').mode).toBe('translation');
    expect(modeForSite(s, 'elpais.com')).toBe('bilingual');
  });

  it('the popup checkbox moves a site between the lists and covers what the reader sees', () => {
    const s = settings({ alwaysTranslateSites: ['lemonde.fr', 'elpais.com'], neverTranslateSites: ['faz.net'] });
    expect(sitePreferencePatch(s, 'www.lemonde.fr', 'never')).toEqual({
      alwaysTranslateSites: ['elpais.com'],
      neverTranslateSites: ['faz.net', 'lemonde.fr'],
    });
    expect(sitePreferencePatch(s, 'm.faz.net', 'always')).toEqual({
      alwaysTranslateSites: ['lemonde.fr', 'elpais.com', 'faz.net'],
      neverTranslateSites: [],
    });
    expect(sitePreferencePatch(s, 'www.lemonde.fr', 'default').alwaysTranslateSites).toEqual(['elpais.com']);
  });

  it('learning mode: a site\'s own default (most specific) wins over the general one; the popup box sets it', () => {
    const s = settings({ learning: false, learningSites: { 'lemonde.fr': true, 'jeux.lemonde.fr': false } });
    expect(learningForSite(s, 'www.lemonde.fr')).toBe(true);
    expect(learningForSite(s, 'jeux.lemonde.fr')).toBe(false);
    expect(learningForSite(s, 'elpais.com')).toBe(false);
    expect(learningForSite({ ...s, learning: true }, 'elpais.com')).toBe(true);
    expect(learningSitePatch(s, 'www.lemonde.fr', false)).toEqual({ learningSites: { 'jeux.lemonde.fr': false, 'lemonde.fr': false } });
    expect(learningSitePatch(s, 'm.elpais.com', true).learningSites['elpais.com']).toBe(true);
  });
});
