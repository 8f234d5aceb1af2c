import { useCallback, useEffect, useState } from 'react';
import { ErrorNote } from '@/components/ErrorNote';
import { Field } from '@/components/Field';
import { useSettings } from '@/components/SettingsContext';
import type { CacheStats } from '@/utils/messaging/protocol';
import { t, tn } from '@/utils/i18n/t';
import { sendToBackground } from '@/utils/messaging/send';
import { SettingsSchema } from '@/utils/settings/schema';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function formatMb(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? `${Math.round(mb)} MB` : `${mb.toFixed(1)} MB`;
}

function isStats(value: unknown): value is CacheStats {
  const v = value as CacheStats | null;
  return !!v && typeof v.entries === 'number' && typeof v.bytes === 'number' && typeof v.maxBytes === 'number';
}

/** Translation cache: its size cap, what it holds now, and a button to empty it. */
export function CacheSection() {
  const cap = useSettings((s) => s.settings.cacheMaxMb);
  const update = useSettings((s) => s.update);
  const [draft, setDraft] = useState(String(cap));
  const [capError, setCapError] = useState<string | null>(null);
  const [stats, setStats] = useState<CacheStats | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => setDraft(String(cap)), [cap]);

  const ask = useCallback(async (type: 'getCacheStats' | 'clearCache') => {
    setBusy(true);
    try {
      const answer = await sendToBackground({ type });
      if (!isStats(answer)) throw new Error(t('err_no_answer'));
      setStats(answer);
      setProblem(null);
    } catch (e) {
      setProblem(t(type === 'clearCache' ? 'err_clear_cache' : 'err_read_cache', { error: describe(e) }));
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => void ask('getCacheStats'), [ask]);

  const saveCap = () => {
    const parsed = SettingsSchema.shape.cacheMaxMb.safeParse(Number(draft));
    if (!parsed.success || draft.trim() === '') {
      setCapError(t('cache_cap_invalid'));
      return;
    }
    setCapError(null);
    if (parsed.data !== cap) void update({ cacheMaxMb: parsed.data });
  };

  return (
    <section aria-labelledby="duet-cache-heading" className="duet-card">
      <h2 id="duet-cache-heading">{t('cache_heading')}</h2>
      <p className="duet-hint">{t('cache_hint')}</p>
      <form
        className="duet-cache-cap"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          saveCap();
        }}
      >
        <Field label={t('cache_cap_label')} kind="number" min={1} max={2048} value={draft} onChange={setDraft} error={capError} />
        <button type="submit" disabled={draft === String(cap)}>
          {t('cache_cap_set')}
        </button>
      </form>
      <p role="status" data-cache-stats>
        {stats
          ? tn('cache_stats', stats.entries, { used: formatMb(stats.bytes), max: formatMb(stats.maxBytes) })
          : busy
            ? t('cache_reading')
            : t('cache_unknown')}
      </p>
      <ErrorNote message={problem} />
      <div className="duet-actions">
        <button type="button" onClick={() => void ask('clearCache')} disabled={busy}>
          {t('cache_clear')}
        </button>
        <button type="button" className="duet-link" onClick={() => void ask('getCacheStats')} disabled={busy}>
          {t('cache_refresh')}
        </button>
      </div>
    </section>
  );
}
