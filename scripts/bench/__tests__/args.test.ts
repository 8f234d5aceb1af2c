// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseArgs, parseLatency } from '../args';

describe('bench arguments', () => {
  it('defaults: 5 runs, 150 ms + 0.05 ms a character, all pages, no check', () => {
    const a = parseArgs([]);
    expect(a).toMatchObject({ runs: 5, latencyMs: 150, latencyPerCharMs: 0.05, check: false, pages: ['article', 'slow', 'long', 'heavy', 'endless'] });
    expect(a.json).toBeUndefined();
  });
  it('reads every option, with or without "="', () => {
    const a = parseArgs(['--runs', '7', '--latency=80+0.1', '--json', 'out.json', '--check', '--pages', 'long,heavy']);
    expect(a).toMatchObject({ runs: 7, latencyMs: 80, latencyPerCharMs: 0.1, json: 'out.json', check: true, pages: ['long', 'heavy'] });
    expect(parseArgs(['--runs', '3', '--quick']).runs).toBe(1);
  });
  it('--latency with one number keeps the per-character default', () => {
    expect(parseLatency('200')).toEqual({ latencyMs: 200, latencyPerCharMs: 0.05 });
    expect(parseLatency('0,0')).toEqual({ latencyMs: 0, latencyPerCharMs: 0 });
  });
  it('rejects unknown options and bad values', () => {
    expect(() => parseArgs(['--fast'])).toThrow(/unknown option/);
    expect(() => parseArgs(['--runs', '0'])).toThrow(/--runs/);
    expect(() => parseArgs(['--latency', 'slow'])).toThrow(/--latency/);
    expect(() => parseArgs(['--pages', 'long,nope'])).toThrow(/nope/);
  });
});
