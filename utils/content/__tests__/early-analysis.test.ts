// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { extractUnits } from '../../extract';
import { EarlyAnalysis, worthAnalysingEarly } from '../early-analysis';
import { loadKronePage } from './krone-page';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('EarlyAnalysis', () => {
  beforeEach(loadKronePage);

  it('hands over the analysis of an unchanged page: the same units as analysing now', async () => {
    const early = new EarlyAnalysis(document);
    await tick();
    const result = early.take()!;
    const now = extractUnits(document, { mode: 'article' });
    expect(result.units.length).toBeGreaterThan(5);
    expect(result.units.map((u) => u.element)).toEqual(now.units.map((u) => u.element));
  });

  it('gives nothing once the page changed meanwhile, whether seen already or still pending', async () => {
    const seen = new EarlyAnalysis(document);
    document.querySelector('p')!.append(' late text');
    await tick(); // the observer has run
    expect(seen.take()).toBeUndefined();

    const pending = new EarlyAnalysis(document);
    document.body.querySelector('p')!.classList.add('hidden-by-page'); // not delivered yet
    expect(pending.take()).toBeUndefined();
  });
});

describe('worthAnalysingEarly', () => {
  it('skips pages in the reader’s own language only', () => {
    document.documentElement.lang = 'de-AT';
    expect(worthAnalysingEarly(document, 'de')).toBe(false);
    expect(worthAnalysingEarly(document, 'en-US')).toBe(true);
    document.documentElement.removeAttribute('lang');
    expect(worthAnalysingEarly(document, 'en-US')).toBe(true);
  });
});
