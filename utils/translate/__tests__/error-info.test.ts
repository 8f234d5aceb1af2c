import { describe, expect, it, vi } from 'vitest';
import { ErrorInfoSchema } from '../../messaging/protocol';
import { toErrorInfo } from '../error-info';
import { TranslateError, type TranslateErrorKind } from '../types';

const kinds: TranslateErrorKind[] = ['auth', 'quota', 'rate-limit', 'server', 'network', 'timeout', 'bad-response', 'unsupported', 'blocked', 'aborted'];

describe('toErrorInfo', () => {
  // Issue 12 changed this on purpose: the services' own messages (http.ts, providers) name the service
  // and say what to do; they used to be replaced by generic sentences ("rejected the key" for keyless Google).
  it("keeps the service's own message, and says whether retrying can help and whether the page or the paragraph failed", () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const blocked = new TranslateError('blocked', 'Google Translate is refusing requests from this network right now (HTTP 403). Try again later, or choose another translation service.', { status: 403, service: 'Google Translate' });
    expect(toErrorInfo(blocked)).toEqual({ kind: 'blocked', message: blocked.message, retryable: true, scope: 'page', service: 'Google Translate' });
    expect(toErrorInfo(new TranslateError('auth', 'DeepL refused the request (HTTP 403). Check the API key for DeepL.'))).toMatchObject({ retryable: false, scope: 'page' });
    expect(toErrorInfo(new TranslateError('bad-response', 'DeepL sent an answer Duet could not read.'))).toMatchObject({ retryable: true, scope: 'unit' });
  });

  it('turns a (capped) Retry-After into the time Duet tries again', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const info = toErrorInfo(new TranslateError('rate-limit', 'Google Translate asks Duet to wait before sending more.', { retryAfterMs: 60_000 }), 1_000);
    expect(info).toMatchObject({ kind: 'rate-limit', retryable: true, scope: 'page', retryAt: 61_000 });
  });

  it('gives every kind a valid message, and an empty one a generic sentence saying what to do', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const infos = kinds.map((kind) => toErrorInfo(new TranslateError(kind, '')));
    for (const [i, info] of infos.entries()) {
      expect(ErrorInfoSchema.parse(info)).toEqual(info);
      expect(info.kind).toBe(kinds[i]);
      expect(info.message.length).toBeGreaterThan(20);
    }
    expect(new Set(infos.map((i) => i.message)).size).toBe(kinds.length);
    expect(infos.filter((i) => !i.retryable).map((i) => i.kind).sort()).toEqual(['auth', 'quota', 'unsupported']);
  });

  it('treats unknown errors as a generic retryable failure and logs the original with its cause', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const cause = new Error('socket hang up');
    const error = new Error('boom', { cause });
    const info = toErrorInfo(error);
    expect(info).toMatchObject({ kind: 'unknown', retryable: true });
    expect(info.message).toMatch(/Retry/);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]).toContain(error);
    expect(warn.mock.calls[0]).toContain(cause);
    expect(toErrorInfo('a string').kind).toBe('unknown');
  });

  it('recognises DOM AbortErrors as cancellations and does not warn about them', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(toErrorInfo(new DOMException('The operation was aborted.', 'AbortError')).kind).toBe('aborted');
    expect(toErrorInfo(new TranslateError('aborted', 'x')).kind).toBe('aborted');
    expect(warn).not.toHaveBeenCalled();
  });
});
