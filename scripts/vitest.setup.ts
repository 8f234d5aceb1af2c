import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setMessageSource } from '../utils/i18n/t';

// Unit tests read Duet's English strings, as an English browser would show them. (vitest runs from the
// project root; import.meta.url is not a file: URL under the jsdom environment.)
setMessageSource(JSON.parse(readFileSync(join(process.cwd(), 'public/_locales/en/messages.json'), 'utf8')));
