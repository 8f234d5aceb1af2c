// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { guessPageLanguage } from '../guess-page-language';

const TEXT = '東京都は火曜日、新しい防災計画を発表した。計画では、川沿いの地域に避難所を増やすことが盛り込まれている。';

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = `<nav>Menu</nav><article><p>${TEXT}</p></article>`;
});

describe('guessPageLanguage', () => {
  it("asks the browser's detector about the article text and keeps a reliable answer's primary subtag", async () => {
    const detect = vi.spyOn(fakeBrowser.i18n, 'detectLanguage').mockResolvedValue({ isReliable: true, languages: [{ language: 'ja-Latn', percentage: 98 }] } as never);
    expect(await guessPageLanguage(document)).toBe('ja');
    expect(detect.mock.calls[0]![0]).toBe(TEXT);
  });

  it('says nothing when unsure, when the text is too short, or without a detector', async () => {
    vi.spyOn(fakeBrowser.i18n, 'detectLanguage').mockResolvedValueOnce({ isReliable: false, languages: [{ language: 'ja', percentage: 40 }] } as never);
    expect(await guessPageLanguage(document)).toBeUndefined();
    vi.spyOn(fakeBrowser.i18n, 'detectLanguage').mockRejectedValueOnce(new Error('not available'));
    expect(await guessPageLanguage(document)).toBeUndefined();
    document.body.innerHTML = '<p>Hi</p>';
    expect(await guessPageLanguage(document)).toBeUndefined();
  });
});
