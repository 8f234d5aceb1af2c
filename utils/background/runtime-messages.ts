import { browser, type Browser } from 'wxt/browser';
import {
  RuntimeRequestSchema,
  type RuntimeRequest,
  type RuntimeResponses,
} from '../messaging/protocol';
import { isOwnContentScript, isOwnPage, isOwnSender } from '../messaging/senders';

type Sender = Browser.runtime.MessageSender;
type Handlers = {
  [K in RuntimeRequest['type']]: (
    request: Extract<RuntimeRequest, { type: K }>,
    sender: Sender,
  ) => Promise<RuntimeResponses[K]>;
};

/** Which contexts may send each request: provider and cache details only to Duet's own pages. */
const ALLOWED: { [K in RuntimeRequest['type']]: (sender: Sender) => boolean } = {
  getSettings: isOwnSender,
  startPage: isOwnContentScript,
  reportStatus: isOwnContentScript,
  testConnection: isOwnPage,
  getProviders: isOwnPage,
  getCacheStats: isOwnPage,
  clearCache: isOwnPage,
};

/**
 * One listener for every one-shot request. Each message is parsed with its schema and checked against
 * the sender allowed for it; anything else is ignored (returns undefined so other listeners may answer).
 */
export function setupRuntimeMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Sender) => {
    if (!isOwnSender(sender)) return undefined;
    const parsed = RuntimeRequestSchema.safeParse(raw);
    if (!parsed.success) return undefined; // tab requests and foreign shapes are not ours to answer
    const request = parsed.data;
    if (!ALLOWED[request.type](sender)) {
      console.warn(`[duet] refused "${request.type}" from`, sender.url);
      return undefined;
    }
    const handler = handlers[request.type] as (r: RuntimeRequest, s: Sender) => Promise<unknown>;
    return handler(request, sender);
  });
}

export type RuntimeHandlers = Handlers;
