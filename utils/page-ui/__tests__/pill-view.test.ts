import { describe, expect, it } from 'vitest';
import type { TabStatus } from '../../messaging/protocol';
import { pillView } from '../pill-view';

const base: TabStatus = { mode: 'bilingual', isArticle: true, found: 40, translated: 0, fromCache: 0, failed: 0, pending: 0 };

describe('pillView', () => {
  it('shows progress while units are pending', () => {
    const view = pillView({ ...base, translated: 12, pending: 28 });
    expect(view).toEqual({ text: 'Translating 12 of 40', progress: 0.3, complete: false });
    expect(pillView({ ...base, translated: 10, failed: 2, pending: 28 })!.text).toBe('Translating 10 of 40 · 2 failed');
    expect(pillView({ ...base, translated: 10, failed: 2, pending: 28 })!.failed).toBe(true);
  });

  it('offers to retry failures once nothing is pending, and does not hide itself', () => {
    const view = pillView({ ...base, translated: 37, failed: 3 });
    expect(view!.text).toBe('37 paragraphs translated · 3 failed');
    expect(view!.failed).toBe(true);
    expect(view!.action).toEqual({ kind: 'retry-failed', label: 'Retry' });
    expect(view!.complete).toBe(false);
  });

  it('reports completion (and how far a partly scrolled page got) as complete', () => {
    expect(pillView({ ...base, translated: 40 })).toEqual({ text: '40 paragraphs translated', complete: true });
    expect(pillView({ ...base, found: 1, translated: 1 })!.text).toBe('1 paragraph translated');
    expect(pillView({ ...base, translated: 15 })).toEqual({ text: '15 of 40 translated · more as you scroll', complete: true });
  });

  it('offers the whole page when the page is not an article', () => {
    const view = pillView({ ...base, isArticle: false, found: 0 });
    expect(view!.text).toBe('Not an article');
    expect(view!.action!.kind).toBe('translate-whole-page');
    expect(pillView({ ...base, isArticle: false, found: 0, wholePage: true })).toBeNull(); // used: no second offer
  });

  it('shows nothing in Original mode or on an article where nothing was found yet', () => {
    expect(pillView({ ...base, mode: 'original', translated: 12, pending: 3 })).toBeNull();
    expect(pillView({ ...base, found: 0 })).toBeNull();
  });
});

describe('pill: one message for the page (issue 12)', () => {
  const base: TabStatus = { mode: 'bilingual', isArticle: true, found: 12, translated: 0, fromCache: 0, failed: 12, pending: 0 };

  it('a service failure for the whole page: its own words and one Retry; none where retrying cannot help', () => {
    const problem = { kind: 'server', message: 'Google Translate had a server error (HTTP 503). Duet will retry; if it persists, try again later.', retryable: true, scope: 'page' as const };
    expect(pillView({ ...base, problem })).toEqual({ text: problem.message, action: { kind: 'retry-failed', label: 'Retry' }, complete: false, failed: true });
    const auth = { kind: 'auth', message: 'DeepL refused the request (HTTP 403). Check the API key for DeepL.', retryable: false, scope: 'page' as const };
    expect(pillView({ ...base, problem: auth })).toEqual({ text: auth.message, complete: false, failed: true });
  });

  it('a service that asked us to wait: when Duet retries, and Retry now', () => {
    const retryAt = new Date(2026, 11, 2, 14, 5).getTime();
    const view = pillView({ ...base, problem: { kind: 'rate-limit', message: 'Google Translate asks Duet to wait before sending more.', retryable: true, scope: 'page', retryAt } });
    expect(view?.text).toMatch(/^Google Translate asks Duet to wait before sending more\. Retrying at (14:05|0?2:05\sPM)\.$/);
    expect(view?.action).toEqual({ kind: 'retry-failed', label: 'Retry now' });
  });

  it('a page already in the target language says so', () => {
    expect(pillView({ ...base, failed: 0, sameLanguage: 12, detectedLanguage: 'en' })).toEqual({ text: 'This page is already in English', complete: true });
  });

  it('which service translated when another stood in', () => {
    const notice = 'Google Translate is refusing requests from this network right now; using Microsoft Translator.';
    expect(pillView({ ...base, failed: 0, translated: 12, notice })?.text).toBe(`12 paragraphs translated · ${notice}`);
  });
});
