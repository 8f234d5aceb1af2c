import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, isLoopbackHex, listeningAddresses, networkInterfaces, parseListening } from '../apertium';

// The checks startApertium relies on before it lets APy run: which interfaces exist, and where a port listens.

// Real /proc/net/tcp lines: one socket listening on 0.0.0.0:2024, one on 127.0.0.1:43355, one established.
const PROC_NET_TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 87 1 000000005e180957 100 0 0 10 0
   1: 0100007F:A95B 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 9321 1 0000000000000000 100 0 0 10 0
   2: 0100007F:A95B 0100007F:D2C4 01 00000000:00000000 00:00000000 00000000     0        0 9330 1 0000000000000000 20 4 30 10 -1
`;

describe('parseListening', () => {
  it('finds LISTEN sockets on the port only, ignoring established connections', () => {
    expect(parseListening(PROC_NET_TCP, 43355)).toEqual(['0100007F']);
    expect(parseListening(PROC_NET_TCP, 2024)).toEqual(['00000000']);
    expect(parseListening(PROC_NET_TCP, 2025)).toEqual([]);
  });
});

describe('isLoopbackHex', () => {
  it('accepts 127.0.0.1, ::1 and ::ffff:127.0.0.1 and nothing wider', () => {
    expect(isLoopbackHex('0100007F')).toBe(true);
    expect(isLoopbackHex('00000000000000000000000001000000')).toBe(true);
    expect(isLoopbackHex('0000000000000000FFFF00000100007F')).toBe(true);
    expect(isLoopbackHex('00000000')).toBe(false); // 0.0.0.0: every interface
    expect(isLoopbackHex('00000000000000000000000000000000')).toBe(false); // ::
    expect(isLoopbackHex('0A00000A')).toBe(false);
  });
});

describe('this machine', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
    server = undefined;
  });

  it('lists the network namespace\'s interfaces, loopback among them', () => {
    expect(networkInterfaces()).toContain('lo');
  });

  it('sees a 127.0.0.1 listener on a free port as loopback-only', async () => {
    const port = await freePort();
    expect(listeningAddresses(port)).toEqual([]);
    server = createServer();
    await new Promise<void>((ok) => server!.listen(port, '127.0.0.1', ok));
    const addresses = listeningAddresses(port);
    expect(addresses).toEqual(['0100007F']);
    expect(addresses.every(isLoopbackHex)).toBe(true);
  });
});
