import { useCallback, useEffect, useState } from 'react';
import type { ProviderInfo } from '@/utils/messaging/protocol';
import { t } from '@/utils/i18n/t';
import { sendToBackground } from '@/utils/messaging/send';

export interface ProvidersState {
  providers: ProviderInfo[];
  loading: boolean;
  error: string | null;
  /** Asks the background again (after saving a key, say). */
  reload(): void;
}

/** The provider list from the background (`getProviders`), with its error shown rather than swallowed. */
export function useProviders(): ProvidersState {
  const [providers, setProviders] = useState<ProviderInfo[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    sendToBackground({ type: 'getProviders' }).then(
      (list) => {
        if (!live) return;
        if (Array.isArray(list)) {
          setProviders(list);
          setError(null);
        } else {
          setError(t('err_list_services', { error: t('err_no_answer') }));
        }
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(t('err_list_services', { error: e instanceof Error ? e.message : String(e) }));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { providers, loading, error, reload };
}
