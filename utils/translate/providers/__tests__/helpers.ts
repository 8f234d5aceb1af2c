import { expect } from 'vitest';
import { TranslateError } from '../../types';

/** Awaits a promise expected to reject with a TranslateError and returns that error. */
export async function rejection(promise: Promise<unknown>): Promise<TranslateError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TranslateError);
  return error as TranslateError;
}

export const liveSignal = () => new AbortController().signal;

export interface SeenRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

export async function capture(request: Request): Promise<SeenRequest> {
  return { method: request.method, url: new URL(request.url), headers: request.headers, body: await request.text() };
}
