import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * t() shows the key itself when no locale has it, so a mistyped or forgotten key would reach readers as
 * "pill_retry_nwo". Every key the code names literally, and every key it builds from a known set
 * (error_<kind>, fallback_notice_<why>), must be in the English messages (locales.test.ts then makes
 * sure every other locale has it too).
 */
const ROOT = process.cwd();
const en = JSON.parse(readFileSync(join(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== '__tests__' && name !== 'node_modules') sources(path, out);
    } else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

const files = ['entrypoints', 'components', 'utils'].flatMap((d) => sources(join(ROOT, d)));

describe('message keys the code uses', () => {
  it('finds the code that calls t()/tn()', () => {
    expect(files.filter((f) => /\btn?\(\s*'/.test(readFileSync(f, 'utf8'))).length).toBeGreaterThan(10);
  });

  it('every literal t() key and tn() base is in the English messages', () => {
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) if (!en[m[1]!]) missing.push(`${relative(ROOT, file)}: t('${m[1]}')`);
      for (const m of text.matchAll(/\btn\(\s*'([A-Za-z0-9_]+)'/g)) if (!en[`${m[1]}_other`]) missing.push(`${relative(ROOT, file)}: tn('${m[1]}')`);
    }
    expect(missing).toEqual([]);
  });

  it('every error kind has its generic sentence (error_<kind>)', () => {
    const types = readFileSync(join(ROOT, 'utils/translate/types.ts'), 'utf8');
    const union = types.slice(types.indexOf('export type TranslateErrorKind ='));
    const kinds = [...union.slice(0, union.indexOf(';')).matchAll(/\|\s*'([a-z-]+)'/g)].map((m) => m[1]!);
    expect(kinds).toContain('blocked');
    for (const kind of [...kinds, 'unknown']) expect(en[`error_${kind.replace(/-/g, '_')}`], kind).toBeTruthy();
  });

  it('every stand-in notice the fallback chain can pick exists', () => {
    for (const why of ['blocked', 'rate_limit', 'server', 'network', 'timeout', 'refused', 'failing']) expect(en[`fallback_notice_${why}`], why).toBeTruthy();
  });
});
