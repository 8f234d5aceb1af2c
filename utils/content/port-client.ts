import { browser, type Browser } from 'wxt/browser';
import { PORT_TRANSLATE, PortResponseSchema, type PortRequest, type PortResponse } from '../messaging/protocol';
import { pageBudget } from './send-budget';

/**
 * The content script's end of the translation port: a pipe, holding no unit state of its own (the
 * session's unit records know what is asked). Connects on first use; when the background goes away
 * (service worker stopped, extension updated) the caller is told, and the next send reconnects.
 */
export class PortClient {
  private port: Browser.runtime.Port | undefined;

  constructor(
    private readonly onResponse: (response: PortResponse) => void,
    private readonly onLost: () => void,
  ) {}

  translate(units: { id: string; text: string }[], from: string, to: string): void {
    if (units.length === 0) return;
    // Past the page's character budget the send waits for the reader (send-budget.ts).
    if (!pageBudget.admit(units, () => this.translate(units, from, to))) return;
    this.post({ type: 'translate', units, from, to });
  }

  cancel(ids: string[]): void {
    if (ids.length && this.port) this.post({ type: 'cancel', ids });
  }

  /**
   * Opens the port now, before there is anything to send: connecting wakes a sleeping service worker
   * (which opens the cache as it starts, utils/background/setup.ts), so the first batch does not wait for it.
   */
  open(): void {
    this.connect();
  }

  disconnect(): void {
    this.port?.disconnect();
    this.port = undefined;
  }

  private post(message: PortRequest): void {
    this.connect().postMessage(message);
  }

  private connect(): Browser.runtime.Port {
    if (this.port) return this.port;
    const port = browser.runtime.connect({ name: PORT_TRANSLATE });
    port.onMessage.addListener((raw: unknown) => {
      const parsed = PortResponseSchema.safeParse(raw);
      if (parsed.success) this.onResponse(parsed.data);
    });
    port.onDisconnect.addListener(() => {
      if (this.port !== port) return;
      this.port = undefined;
      this.onLost();
    });
    this.port = port;
    return port;
  }
}
