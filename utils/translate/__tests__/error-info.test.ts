import { describe, expect, it, vi } from 'vitest';
import { ErrorInfoSchema } from '../../messaging/protocol';
import { toErrorInfo } from '../error-info';
import { TranslateError, type TranslateErrorKind } from '../types';

const kinds: TranslateErrorKind[] = ['auth', 'quota', 'rate-limit', 'server', 'network', 'timeout', 'bad-response', 'unsupported', 'aborted'];

describe('toErrorInfo', () => {
  it('maps auth and network errors to messages saying what to do', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(toErrorInfo(new TranslateError('auth', 'HTTP 403', { status: 403 }))).toEqual({
      kind: 'auth',
      message: "The translation service rejected the key. Check it in Duet's settings.",
      retryable: false,
    });
    expect(toErrorInfo(new TranslateError('network', 'Failed to fetch'))).toEqual({
      kind: 'network',
      message: "Couldn't reach the translation service. Check your connection, then retry.",
      retryable: true,
    });
  });

  it('gives every kind its own valid, non-technical message', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const infos = kinds.map((kind) => toErrorInfo(new TranslateError(kind, `internal detail ${kind} HTTP 500`)));
    for (const [i, info] of infos.entries()) {
      expect(ErrorInfoSchema.parse(info)).toEqual(info);
      expect(info.kind).toBe(kinds[i]);
      expect(info.message).not.toContain('internal detail'); // provider text never reaches the reader
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
