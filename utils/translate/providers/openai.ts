import { t } from '../../i18n/t';
import { badResponse, readJson, sendRequest, type ServiceWording } from '../http';
import { parseSegments, PROMPT_VERSION, systemPrompt, userMessage } from '../llm-segments';
import { checkedTranslation, LLM_MARKUP_VERSION, markupInstruction } from '../../rich-text/llm-markup';
import { TranslateError, type ProviderConfig, type TranslateRequest, type Translation, type Translator } from '../types';

/**
 * Any OpenAI-compatible chat API (OpenAI, DeepSeek, OpenRouter, LM Studio, Ollama …), PROVIDERS.md
 * "OpenAI-compatible". Paragraphs travel as id-tagged JSON segments (./llm-segments.ts); an answer
 * whose ids or count do not match is retried as two halves, down to single paragraphs, so a model's
 * slip never pairs a paragraph with another's translation.
 */

const OLLAMA_PORT = '11434';

function baseUrl(config: ProviderConfig): string {
  return config.baseUrl?.trim() ?? '';
}

function isLocal(url: string): boolean {
  try {
    return ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Accepts ".../v1", ".../v1/chat/completions" or a bare origin (then /v1 is added). */
export function chatCompletionsUrl(base: string): string {
  const trimmed = base.trim().replace(/\/+$/, '');
  if (/\/chat\/completions$/.test(trimmed)) return trimmed;
  if (/\/v\d+[a-z]*$/i.test(trimmed)) return `${trimmed}/chat/completions`;
  return `${trimmed}/v1/chat/completions`;
}

function wordingFor(url: string): ServiceWording {
  const ollama = isLocal(url) && new URL(url).port === OLLAMA_PORT;
  return {
    service: ollama ? 'Ollama' : 'The AI model service',
    authAdvice: ollama
      ? t('advice_ollama')
      : t('advice_ai'),
    // OpenAI answers 429 both for "slow down" and for "no credit left"; only the latter is final.
    classify: (status, body) => (status === 429 && /insufficient_quota|exceeded your current quota/i.test(body) ? 'quota' : status === 404 ? 'unsupported' : undefined),
  };
}

/** Texts are Duet's inline markup (utils/rich-text/wire.ts): the prompt says how to treat its tags. */
const withMarkup = (prompt: string): string => `${prompt}\n${markupInstruction()}`;

async function complete(texts: string[], from: string, to: string, config: ProviderConfig, signal: AbortSignal): Promise<string> {
  const url = chatCompletionsUrl(baseUrl(config));
  const wording = wordingFor(url);
  const apiKey = config.apiKey?.trim();
  const response = await sendRequest(
    url,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}) },
      body: JSON.stringify({
        model: config.model?.trim(),
        messages: [
          { role: 'system', content: withMarkup(systemPrompt(from, to)) },
          { role: 'user', content: userMessage(texts) },
        ],
        temperature: 0,
        stream: false,
      }),
    },
    signal,
    wording,
  );
  const data = (await readJson(response, wording, signal)) as { choices?: { message?: { content?: unknown } }[] };
  const content = data?.choices?.[0]?.message?.content;
  if (typeof content !== 'string') throw badResponse(wording, 'no message content');
  return content;
}

/** Translates `texts`, halving the batch whenever the answer does not match it id for id. */
async function translateSegments(texts: string[], from: string, to: string, config: ProviderConfig, signal: AbortSignal): Promise<string[]> {
  const parsed = parseSegments(await complete(texts, from, to, config, signal), texts.length);
  if (parsed) return parsed;
  if (texts.length === 1) {
    throw new TranslateError('bad-response', t('ai_bad_format'));
  }
  const middle = Math.ceil(texts.length / 2);
  const first = await translateSegments(texts.slice(0, middle), from, to, config, signal);
  const second = await translateSegments(texts.slice(middle), from, to, config, signal);
  return [...first, ...second];
}

export const openai: Translator = {
  id: 'openai',
  label: t('label_ai'),
  limits: {
    // Output must fit the model's reply budget (often 4k tokens); 4,000 characters of input is ~1–2k tokens
    // of output in most languages. Local models are slow: low concurrency, long timeout.
    maxTextsPerRequest: 20,
    maxCharsPerRequest: 4_000,
    requestsPerSecond: 2,
    concurrency: 2,
    timeoutMs: 90_000,
  },
  configFields: [
    { name: 'baseUrl', label: t('field_api_url'), kind: 'url', required: true, placeholder: 'https://api.openai.com/v1', help: t('help_ai_url') },
    { name: 'apiKey', label: t('field_api_key'), kind: 'secret', required: false, help: t('help_ai_key') },
    { name: 'model', label: t('field_model'), kind: 'text', required: true, placeholder: 'gpt-4o-mini' },
  ],
  cacheKeyParts: (config) => [config.model?.trim() ?? '', PROMPT_VERSION, LLM_MARKUP_VERSION],
  checkUsable(config) {
    const base = baseUrl(config);
    if (!base) return t('setup_ai_url');
    if (!config.model?.trim()) return t('setup_ai_model');
    if (!config.apiKey?.trim() && !isLocal(base)) return `${t('setup_ai_key')} ${t('setup_add_in_settings')}`;
    return undefined;
  },
  async translate({ texts, from, to, signal }: TranslateRequest, config: ProviderConfig): Promise<Translation[]> {
    const reason = openai.checkUsable?.(config);
    if (reason) throw new TranslateError('auth', reason);
    const translated = await translateSegments(texts, from, to, config, signal);
    return translated.map((text, i) => ({ text: checkedTranslation(texts[i]!, text) }));
  },
};
