import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROMPT_VERSION } from '../../llm-segments';
import { LLM_MARKUP_VERSION } from '../../../rich-text/llm-markup';
import { chatCompletionsUrl, openai } from '../openai';
import { capture, liveSignal, rejection, type SeenRequest } from './helpers';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const BASE = 'https://api.example-llm.test/v1';
const ENDPOINT = `${BASE}/chat/completions`;
const CONFIG = { baseUrl: BASE, apiKey: 'sk-test', model: 'gpt-test' };

const reply = (content: string) => HttpResponse.json({ id: 'chatcmpl-1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] });
const segmentsOf = (body: string) => JSON.parse((JSON.parse(body) as { messages: { content: string }[] }).messages[1]!.content) as { segments: { id: number; text: string }[] };
/** A model that translates correctly: "EN:" + text for every segment it is sent. */
const faithful = (body: string) => JSON.stringify({ translations: segmentsOf(body).segments.map((s) => ({ id: s.id, text: `EN:${s.text}` })) });

const run = (texts: string[], config: Record<string, string> = CONFIG) => openai.translate({ texts, from: 'de', to: 'en', signal: liveSignal() }, config);

describe('openai-compatible', () => {
  it('sends one chat request with id-tagged segments and maps answers back by id', async () => {
    let seen: SeenRequest | undefined;
    server.use(
      http.post(ENDPOINT, async ({ request }) => {
        seen = await capture(request);
        // Out of order, wrapped in a think block and a code fence, as real models do.
        return reply('<think>Let me translate.</think>\n```json\n{"translations":[{"id":1,"text":"World"},{"id":0,"text":"Hello"}]}\n```');
      }),
    );
    expect(await run(['Hallo', 'Welt'])).toEqual([{ text: 'Hello' }, { text: 'World' }]);
    expect(seen?.method).toBe('POST');
    expect(seen?.url.href).toBe(ENDPOINT);
    expect(seen?.headers.get('authorization')).toBe('Bearer sk-test');
    const body = JSON.parse(seen!.body) as { model: string; temperature: number; stream: boolean; messages: { role: string; content: string }[] };
    expect(body.model).toBe('gpt-test');
    expect(body.temperature).toBe(0);
    expect(body.stream).toBe(false);
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[0]!.content).toMatch(/into language "en"/);
    expect(segmentsOf(seen!.body)).toEqual({ segments: [{ id: 0, text: 'Hallo' }, { id: 1, text: 'Welt' }] });
  });

  it('on a count or id mismatch halves the batch instead of pairing wrongly', async () => {
    const batches: number[] = [];
    server.use(
      http.post(ENDPOINT, async ({ request }) => {
        const body = await request.text();
        const count = segmentsOf(body).segments.length;
        batches.push(count);
        // The model merges segments whenever it gets more than two.
        if (count > 2) return reply(JSON.stringify({ translations: [{ id: 0, text: 'merged' }] }));
        return reply(faithful(body));
      }),
    );
    const texts = ['a', 'b', 'c', 'd', 'e'];
    expect((await run(texts)).map((t) => t.text)).toEqual(['EN:a', 'EN:b', 'EN:c', 'EN:d', 'EN:e']);
    expect(batches).toEqual([5, 3, 2, 1, 2]);
  });

  it('rejects duplicate or unknown ids, and fails for a single segment the model cannot answer', async () => {
    let calls = 0;
    server.use(
      http.post(ENDPOINT, () => {
        calls += 1;
        return reply('{"translations":[{"id":7,"text":"??"}]}');
      }),
    );
    const error = await rejection(run(['Hallo']));
    expect(error.kind).toBe('bad-response');
    expect(calls).toBe(1);
  });

  it('tells the reader about OLLAMA_ORIGINS when local Ollama answers 403', async () => {
    server.use(http.post('http://localhost:11434/v1/chat/completions', () => new HttpResponse(null, { status: 403 })));
    const error = await rejection(run(['Hallo'], { baseUrl: 'http://localhost:11434', model: 'qwen3:4b' }));
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/OLLAMA_ORIGINS=chrome-extension:\/\/\*/);
  });

  it('separates "no credit" 429 (quota) from "slow down" 429 (rate-limit), and 401', async () => {
    server.use(http.post(ENDPOINT, () => HttpResponse.json({ error: { message: 'You exceeded your current quota', code: 'insufficient_quota' } }, { status: 429 })));
    expect((await rejection(run(['x']))).kind).toBe('quota');
    server.use(http.post(ENDPOINT, () => HttpResponse.json({ error: { message: 'Rate limit reached' } }, { status: 429, headers: { 'Retry-After': '1' } })));
    const limited = await rejection(run(['x']));
    expect([limited.kind, limited.options.retryAfterMs]).toEqual(['rate-limit', 1000]);
    server.use(http.post(ENDPOINT, () => HttpResponse.json({ error: { message: 'Incorrect API key provided' } }, { status: 401 })));
    const auth = await rejection(run(['x']));
    expect(auth.kind).toBe('auth');
    expect(auth.message).toMatch(/Incorrect API key provided/);
  });

  it('rejects an answer without message content', async () => {
    server.use(http.post(ENDPOINT, () => HttpResponse.json({ choices: [] })));
    expect((await rejection(run(['x']))).kind).toBe('bad-response');
  });

  it('builds the endpoint from what the reader typed, checks settings and keeps keys out of the cache key', () => {
    expect(chatCompletionsUrl('https://api.openai.com/v1/')).toBe('https://api.openai.com/v1/chat/completions');
    expect(chatCompletionsUrl('http://localhost:11434')).toBe('http://localhost:11434/v1/chat/completions');
    expect(chatCompletionsUrl('https://openrouter.ai/api/v1/chat/completions')).toBe('https://openrouter.ai/api/v1/chat/completions');
    expect(openai.checkUsable?.({ baseUrl: BASE, model: 'm' })).toMatch(/needs an API key/);
    expect(openai.checkUsable?.({ baseUrl: 'http://localhost:11434', model: 'm' })).toBeUndefined();
    expect(openai.checkUsable?.({ baseUrl: BASE, apiKey: 'k' })).toMatch(/model/);
    expect(openai.cacheKeyParts(CONFIG)).toEqual(['gpt-test', PROMPT_VERSION, LLM_MARKUP_VERSION]); // issue 11: the tag instruction changes output
  });
});
