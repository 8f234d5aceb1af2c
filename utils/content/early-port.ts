import type { PortResponse } from '../messaging/protocol';
import { PortClient } from './port-client';
import type { Transport } from './session';

type OnResponse = (response: PortResponse) => void;
type OnLost = () => void;

/**
 * The translation port, opened the moment the content script starts (before the settings and the
 * analysis), and handed to the first session that asks for one. Opening it early wakes the service
 * worker and sets the channel up while the page is being analysed, so the first screen's request
 * leaves as soon as its units are known. Later sessions connect their own port, as before.
 */
export class EarlyPort {
  private onResponse: OnResponse | undefined;
  private onLost: OnLost | undefined;
  private client: PortClient | undefined;

  constructor(create: (onResponse: OnResponse, onLost: OnLost) => PortClient = (r, l) => new PortClient(r, l)) {
    this.client = create(
      (response) => this.onResponse?.(response),
      () => this.onLost?.(),
    );
    this.client.open();
  }

  /** The open port as the session's transport, once; undefined after it was handed over or closed. */
  take(onResponse: OnResponse, onLost: OnLost): Transport | undefined {
    const client = this.client;
    this.client = undefined;
    if (!client) return undefined;
    this.onResponse = onResponse;
    this.onLost = onLost;
    return client;
  }

  /** Closes the port if no session took it (the page is not translated, or the script stops). */
  close(): void {
    this.client?.disconnect();
    this.client = undefined;
  }
}
