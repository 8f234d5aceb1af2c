import type { ProviderId, ServiceId, Translator } from '../types';
import { apertium } from './apertium';
import { chromeBuiltin } from './chrome-builtin';
import { deepl } from './deepl';
import { google } from './google';
import { googleSingle } from './google-single';
import { libretranslate } from './libretranslate';
import { microsoft } from './microsoft';
import { openai } from './openai';

/** Every provider by id (STYLE.md §3: a registry object, not a switch). Google is the keyless default. */
export const providers: Record<ProviderId, Translator> = {
  google,
  microsoft,
  deepl,
  libretranslate,
  openai,
  apertium,
  'chrome-builtin': chromeBuiltin,
};

/** Every service requests can go to: the providers, plus the fallback chain's own steps (../fallback-chain.ts). */
export const services: Record<ServiceId, Translator> = { ...providers, 'google-single': googleSingle };
