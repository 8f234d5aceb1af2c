import { browser, type Browser } from 'wxt/browser';
import { PORT_TRANSLATE, PortResponseSchema, type PortRequest, type PortResponse } from '../messaging/protocol';

/**
 * The content script's end of the translation port. Connects on first use; when the background
 * goes away (service worker stopped, extension updated) the next send reconnects, and the caller is told
 * which units were in flight so it can ask again.
 */
export class PortClient {
  private port: Browser.runtime.Port | undefined;
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly onResponse: (response: PortResponse) => void,
    private readonly onLost: (unitIds: string[]) => void,
  ) {}

  translate(units: { id: string; text: string }[], from: string, to: string): void {
    if (units.length === 0) return;
    for (const u of units) this.inFlight.add(u.id);
    this.post({ type: 'translate', units, from, to });
  }

  cancel(ids: string[]): void {
    const open = ids.filter((id) => this.inFlight.delete(id));
    if (open.length && this.port) this.post({ type: 'cancel', ids: open });
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
    this.inFlight.clear();
  }

  private post(message: PortRequest): void {
    this.connect().postMessage(message);
  }

  private connect(): Browser.runtime.Port {
    if (this.port) return this.port;
    const port = browser.runtime.connect({ name: PORT_TRANSLATE });
    port.onMessage.addListener((raw: unknown) => {
      const parsed = PortResponseSchema.safeParse(raw);
      if (!parsed.success) return;
      const ids = parsed.data.type === 'translated' ? parsed.data.results.map((r) => r.id) : parsed.data.ids;
      for (const id of ids) this.inFlight.delete(id);
      this.onResponse(parsed.data);
    });
    port.onDisconnect.addListener(() => {
      if (this.port !== port) return;
      this.port = undefined;
      const lost = [...this.inFlight];
      this.inFlight.clear();
      if (lost.length) this.onLost(lost);
    });
    this.port = port;
    return port;
  }
}
