import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../settings/schema';
import { PageMemory } from '../page-memory';
import { startPageAnswer } from '../start-page';

const url = 'https://news.example/story';
const settings = { ...DEFAULT_SETTINGS, targetLanguage: '', provider: 'google' as const, sourceLanguage: 'auto' };

function memoryWithStory(to: string) {
  const memory = new PageMemory();
  memory.remember({ url, provider: 'google', from: 'auto', to }, [{ source: 'Hallo Welt', text: 'Hello world' }]);
  return memory;
}

describe('startPageAnswer', () => {
  it('gives a top frame its settings and the translations remembered for its provider and resolved target', () => {
    const answer = startPageAnswer(settings, { url, frameId: 0, tab: { incognito: false } as never }, memoryWithStory('en'), 'en-GB');
    expect(answer).toEqual({
      settings,
      remembered: { provider: 'google', from: 'auto', to: 'en', translations: [{ source: 'Hallo Welt', text: 'Hello world' }] },
    });
  });

  it('gives only settings to sub-frames, private windows, and pages remembered in another language', () => {
    const memory = memoryWithStory('en');
    expect(startPageAnswer(settings, { url, frameId: 3, tab: {} as never }, memory, 'en')).toEqual({ settings });
    expect(startPageAnswer(settings, { url, frameId: 0, tab: { incognito: true } as never }, memory, 'en')).toEqual({ settings });
    expect(startPageAnswer(settings, { url, frameId: 0, tab: {} as never }, memory, 'fr')).toEqual({ settings });
  });
});
