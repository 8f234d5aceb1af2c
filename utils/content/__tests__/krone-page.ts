import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const html = readFileSync(join(__dirname, '../../../e2e/fixtures/news/krone-north-korea.html'), 'utf8');

/** Replaces the test document with the seed fixture (a real krone.at article). */
export function loadKronePage(): void {
  document.open();
  document.write(html);
  document.close();
}
