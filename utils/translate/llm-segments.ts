/**
 * Batching for chat models: paragraphs go out as JSON segments with ids and come back matched by id,
 * so a model that drops, merges or reorders segments is detected instead of mis-pairing text.
 * Pure functions, no I/O: the OpenAI-compatible provider wires them to HTTP.
 */

/** Bump when the prompt changes: it is part of the cache key, since the prompt changes the output. */
export const PROMPT_VERSION = 'segments-v1';

export function systemPrompt(from: string, to: string): string {
  const source = from === 'auto' ? 'the language it is written in' : `language "${from}"`;
  return [
    `You are a professional translator of news articles. Translate every segment from ${source} into language "${to}".`,
    'The user message is JSON: {"segments":[{"id":number,"text":string}]}.',
    'Reply with JSON only, no commentary and no code fences: {"translations":[{"id":number,"text":string}]}',
    'with exactly one entry per input id, the same ids, in the same order. Never merge, split, skip or add segments.',
    'Keep names, numbers and punctuation faithful; translate the text only, and leave a segment unchanged if it is already in the target language.',
  ].join('\n');
}

export function userMessage(texts: string[]): string {
  return JSON.stringify({ segments: texts.map((text, id) => ({ id, text })) });
}

/** Removes reasoning blocks (<think>…</think>, also an unterminated leading one) and Markdown code fences. */
export function stripWrapping(content: string): string {
  let text = content.replace(/<think>[\s\S]*?<\/think>/gi, '');
  const unterminated = text.search(/<think>/i);
  if (unterminated >= 0) text = text.slice(0, unterminated);
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  if (fenced?.[1]) text = fenced[1];
  return text.trim();
}

/**
 * Parses a model's answer into one text per input, by id. Returns undefined when the answer does not
 * match the request exactly (unparseable, missing or extra ids) — the caller then retries smaller batches.
 */
export function parseSegments(content: string, count: number): string[] | undefined {
  const text = stripWrapping(content);
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text.slice(start, end + 1));
  } catch {
    return undefined;
  }
  const list = (json as { translations?: unknown })?.translations;
  if (!Array.isArray(list) || list.length !== count) return undefined;
  const byId = new Map<number, string>();
  for (const item of list as { id?: unknown; text?: unknown }[]) {
    const id = typeof item?.id === 'string' ? Number(item.id) : item?.id;
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id >= count || byId.has(id) || typeof item.text !== 'string') return undefined;
    byId.set(id, item.text);
  }
  return Array.from({ length: count }, (_, id) => byId.get(id)!);
}
