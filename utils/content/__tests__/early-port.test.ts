// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { PortResponse } from '../../messaging/protocol';
import { EarlyPort } from '../early-port';
import type { PortClient } from '../port-client';

/** Stands in for the browser's port (PortClient's own tests cover the wire). */
function fakeClient() {
  const calls: string[] = [];
  let deliver: ((r: PortResponse) => void) | undefined;
  let lose: (() => void) | undefined;
  const create = (onResponse: (r: PortResponse) => void, onLost: () => void) => {
    deliver = onResponse;
    lose = onLost;
    return {
      open: () => calls.push('open'),
      translate: () => calls.push('translate'),
      cancel: () => calls.push('cancel'),
      disconnect: () => calls.push('disconnect'),
    } as unknown as PortClient;
  };
  return { calls, create, deliver: (r: PortResponse) => deliver!(r), lose: () => lose!() };
}

describe('EarlyPort', () => {
  it('connects at once, before any session exists', () => {
    const fake = fakeClient();
    new EarlyPort(fake.create);
    expect(fake.calls).toEqual(['open']);
  });

  it('hands the open port to the first session only, with its callbacks', () => {
    const fake = fakeClient();
    const early = new EarlyPort(fake.create);
    const responses: PortResponse[] = [];
    let lost = 0;
    const transport = early.take((r) => responses.push(r), () => lost++);
    expect(transport).toBeDefined();
    expect(early.take(() => {}, () => {})).toBeUndefined();
    transport!.translate([{ id: 'd0', text: 'x' }], 'auto', 'de');
    const answer: PortResponse = { type: 'translated', results: [{ id: 'd0', text: 'y', cached: false }] };
    fake.deliver(answer);
    fake.lose();
    expect(responses).toEqual([answer]);
    expect(lost).toBe(1);
    early.close(); // taken: closing the hand-over leaves the session's port alone
    expect(fake.calls).toEqual(['open', 'translate']);
  });

  it('closes the port when no session took it (the page is not translated)', () => {
    const fake = fakeClient();
    const early = new EarlyPort(fake.create);
    early.close();
    early.close();
    expect(fake.calls).toEqual(['open', 'disconnect']);
    expect(early.take(() => {}, () => {})).toBeUndefined();
  });
});
