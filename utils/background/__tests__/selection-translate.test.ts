import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../settings/schema';
import { translateSelection } from '../selection-translate';
import type { UnitTranslator } from '../translate-port';

type Job = Parameters<UnitTranslator['translateUnits']>[0];

function service(answer: (job: Job) => void): UnitTranslator & { jobs: Job[] } {
  const jobs: Job[] = [];
  return {
    jobs,
    translateUnits: vi.fn(async (job: Job) => {
      jobs.push(job);
      answer(job);
    }),
  };
}

describe('translateSelection', () => {
  it('asks the same service as pages, with the reader’s provider and languages, and returns the popover message', async () => {
    const s = service((job) => job.onResults([{ id: 'selection', text: 'Die Dürre', cached: true }]));
    const out = await translateSelection('  The\n drought ', { ...DEFAULT_SETTINGS, provider: 'deepl', targetLanguage: 'de' }, 'en-US', s);
    expect(s.jobs[0]).toMatchObject({ providerId: 'deepl', from: 'auto', to: 'de', units: [{ id: 'selection', text: 'The drought' }] });
    expect(out).toEqual({ type: 'showSelection', original: 'The drought', lang: 'de', translation: 'Die Dürre' });
  });

  it('targets the browser language when none is set, and cuts very long selections', async () => {
    const s = service((job) => job.onResults([{ id: 'selection', text: 'x', cached: false }]));
    await translateSelection('a'.repeat(9000), DEFAULT_SETTINGS, 'fr-CA', s);
    expect(s.jobs[0]!.to).toBe('fr');
    expect(s.jobs[0]!.units[0]!.text).toHaveLength(5000);
  });

  it('reports the provider’s error in words instead of throwing', async () => {
    const s = service((job) => job.onError(['selection'], { kind: 'quota', message: 'Quota used up.', retryable: false }));
    const out = await translateSelection('Hola', DEFAULT_SETTINGS, 'en', s);
    expect(out.error).toEqual({ kind: 'quota', message: 'Quota used up.', retryable: false });
    expect(out.translation).toBeUndefined();
    const broken: UnitTranslator = { translateUnits: () => Promise.reject(new Error('db gone')) };
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect((await translateSelection('Hola', DEFAULT_SETTINGS, 'en', broken)).error?.kind).toBe('unknown');
  });
});
