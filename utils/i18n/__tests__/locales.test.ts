import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every locale Duet ships has every key English has, with the same placeholders, and every counted
 * message has the plural forms its language needs (CLDR categories, via Intl.PluralRules).
 */
const DIR = join(process.cwd(), 'public/_locales');
type Messages = Record<string, { message: string; description?: string }>;
const read = (folder: string): Messages => JSON.parse(readFileSync(join(DIR, folder, 'messages.json'), 'utf8')) as Messages;

const SHIPPED = ['en', 'de', 'fr', 'es', 'it', 'pt_BR', 'zh_CN', 'ja', 'ko', 'ar'];
const en = read('en');
const PLURAL = /_(zero|one|two|few|many|other)$/;
const counted = [...new Set(Object.keys(en).filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')))];
const singles = Object.keys(en).filter((k) => !PLURAL.test(k));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  it('ships exactly the promised locales', () => {
    expect(readdirSync(DIR).sort()).toEqual([...SHIPPED].sort());
  });

  for (const folder of SHIPPED) {
    describe(folder, () => {
      const messages = read(folder);
      const locale = folder.replace('_', '-');

      it('has every key English has, none empty, none unknown', () => {
        const missing = singles.filter((k) => !messages[k]?.message);
        expect(missing, `missing in ${folder}`).toEqual([]);
        const unknown = Object.keys(messages).filter((k) => !(k in en) && !(PLURAL.test(k) && counted.includes(k.replace(PLURAL, ''))));
        expect(unknown, `unknown keys in ${folder}`).toEqual([]);
      });

      it("keeps English's placeholders in every message", () => {
        for (const key of singles) expect(placeholders(messages[key]?.message ?? ''), `${folder}:${key}`).toEqual(placeholders(en[key]!.message));
        for (const base of counted) {
          for (const [key, value] of Object.entries(messages).filter(([k]) => k.replace(PLURAL, '') === base && PLURAL.test(k))) {
            const allowed = new Set(['count', ...placeholders(en[`${base}_other`]!.message)]);
            for (const p of placeholders(value.message)) expect(allowed.has(p!), `${folder}:${key} {${p}}`).toBe(true);
          }
        }
      });

      it('has the plural forms its language uses', () => {
        const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories.filter((c) => c !== 'many' || locale === 'ar');
        for (const base of counted) {
          for (const category of needed) expect(messages[`${base}_${category}`]?.message, `${folder}:${base}_${category}`).toBeTruthy();
        }
      });

      it('names its own locale and direction', () => {
        expect(messages.locale?.message).toBe(locale);
        expect(messages.direction?.message).toBe(folder === 'ar' ? 'rtl' : 'ltr');
      });
    });
  }
});
