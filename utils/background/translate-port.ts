import { browser, type Browser } from 'wxt/browser';
import { topLevelSite } from '../cache/site';
import { t } from '../i18n/t';
import { PIECE_SEPARATOR, PORT_TRANSLATE, PortRequestSchema, type PortResponse, type UnitResult } from '../messaging/protocol';
import { isOwnContentScript } from '../messaging/senders';
import type { Settings } from '../settings/schema';
import type { TranslateJob } from '../translate/service';
import type { ProviderId } from '../translate/types';
import type { PageMemory } from './page-memory';

type Port = Browser.runtime.Port;

/** What the port needs from the translation service (utils/translate/service.ts). */
export interface UnitTranslator {
  translateUnits(job: TranslateJob): Promise<void>;
}

export interface PortHooks {
  /**
   * The page asked again for units that failed on this port: the reader pressed Retry (content scripts
   * act only on trusted clicks). Lets a cooling-down service be tried at once instead of after its wait.
   */
  onRetry?: (provider: ProviderId) => void | Promise<void>;
}

/**
 * The page's top-level site (the cache partition): the tab's URL, which for a frame is its top page's;
 * the frame's own URL when the tab's is not known.
 */
function siteOf(port: Port): string {
  return topLevelSite(port.sender?.tab?.url ?? port.sender?.url);
}

/** One `translate` message's work; aborted when every unit in it is cancelled or the tab goes away. */
interface Job {
  controller: AbortController;
  open: Set<string>;
}

/**
 * Content scripts connect one port per frame. Units arrive in batches, results stream back as each
 * provider request returns. A disconnect (tab closed, navigated, reloaded) aborts everything it asked for,
 * so the queue never spends requests on pages nobody reads.
 */
export function setupTranslatePort(service: UnitTranslator, getSettings: () => Promise<Settings>, memory?: PageMemory, hooks: PortHooks = {}): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PORT_TRANSLATE) return;
    if (!isOwnContentScript(port.sender)) {
      port.disconnect();
      return;
    }
    servePort(port, service, getSettings, memory, hooks);
  });
}

/**
 * Only a top frame's first batch is remembered (page-memory.ts): it is what the reader sees first on a
 * reload. Private windows leave nothing behind, not even in memory.
 */
function rememberable(port: Port): string | undefined {
  const sender = port.sender;
  if (!sender?.url || sender.frameId !== 0 || sender.tab?.incognito) return undefined;
  return sender.url;
}

export function servePort(port: Port, service: UnitTranslator, getSettings: () => Promise<Settings>, memory?: PageMemory, hooks: PortHooks = {}): void {
  const jobs = new Set<Job>();
  /** Units that failed on this port: asking for one again is a retry. */
  const failedIds = new Set<string>();
  const site = siteOf(port);
  const lane = port.sender?.tab?.id === undefined ? undefined : `tab-${port.sender.tab.id}`;
  let connected = true;
  let firstBatch = true;
  const post = (message: PortResponse) => {
    if (connected) port.postMessage(message);
  };

  port.onMessage.addListener(async (raw: unknown) => {
    const parsed = PortRequestSchema.safeParse(raw);
    if (!parsed.success) {
      console.warn('[duet] dropped an invalid port message', parsed.error.issues[0]);
      return;
    }
    const request = parsed.data;
    if (request.type === 'cancel') {
      const ids = new Set(request.ids);
      for (const job of jobs) {
        for (const id of ids) job.open.delete(id);
        if (job.open.size === 0) job.controller.abort();
      }
      return;
    }
    // Registered before anything is awaited, so a cancel that arrives meanwhile still finds it.
    const job: Job = { controller: new AbortController(), open: new Set(request.units.map((u) => u.id)) };
    jobs.add(job);
    const pageUrl = firstBatch ? rememberable(port) : undefined;
    firstBatch = false;
    try {
      const settings = await getSettings();
      if (job.controller.signal.aborted) return;
      const retried = request.units.filter((u) => failedIds.delete(u.id));
      if (retried.length > 0) await hooks.onRetry?.(settings.provider);
      const sourceOf = new Map(request.units.map((u) => [u.id, u.text]));
      const remember = (results: UnitResult[]) => {
        if (!memory || pageUrl === undefined) return;
        const key = { url: pageUrl, provider: settings.provider, from: request.from, to: request.to };
        memory.remember(
          key,
          results.flatMap((r) => {
            const source = sourceOf.get(r.id);
            if (source === undefined || r.id.includes(PIECE_SEPARATOR)) return []; // pieces never match a whole unit
            return [{ source, text: r.text, ...(r.detectedLanguage ? { detectedLanguage: r.detectedLanguage } : {}), ...(r.sameLanguage ? { sameLanguage: true as const } : {}) }];
          }),
        );
      };
      await service.translateUnits({
        providerId: settings.provider,
        from: request.from,
        to: request.to,
        units: request.units,
        signal: job.controller.signal,
        site,
        ...(lane === undefined ? {} : { lane }),
        onResults: (results, notice) => {
          for (const r of results) job.open.delete(r.id);
          post(notice === undefined ? { type: 'translated', results } : { type: 'translated', results, notice });
          // Pages translated by a stand-in service are not remembered: a reload should ask the chosen one.
          if (notice === undefined) remember(results);
        },
        onError: (ids, error) => {
          for (const id of ids) {
            job.open.delete(id);
            failedIds.add(id);
          }
          if (error.kind !== 'aborted') post({ type: 'failed', ids, error });
        },
      });
    } catch (error) {
      // The service reports per-unit failures itself; anything thrown here is a bug: fail what is left.
      console.error('[duet] translation job failed', error);
      const ids = [...job.open];
      if (ids.length) post({ type: 'failed', ids, error: { kind: 'internal', message: t('err_internal'), retryable: true } });
    } finally {
      jobs.delete(job);
    }
  });

  port.onDisconnect.addListener(() => {
    connected = false;
    for (const job of jobs) job.controller.abort();
    jobs.clear();
  });
}
