import type { ProviderId, Translator } from '../types';
import { apertium } from './apertium';
import { chromeBuiltin } from './chrome-builtin';
import { deepl } from './deepl';
import { google } from './google';
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
