import { DEFAULT_SETTINGS, LanguageCode, SETTINGS_VERSION, SettingsSchema, type Settings } from './schema';
import { normalizeHostname } from './site-rules';

export { normalizeHostname };

/**
 * Numbered migrations (STYLE.md §9): `MIGRATIONS[n]` turns a version-n object into a version-(n+1)
 * object. They only rename and reshape; `repairFields` then checks every field against the current
 * schema and replaces what is missing or invalid with its default, one field at a time, so one bad
 * value never costs the reader all their other settings.
 */
export type RawSettings = Record<string, unknown>;
export type Migration = (old: RawSettings) => RawSettings;

export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  /**
   * v0: anything stored without a `version` (development builds before settings were versioned,
   * or a hand-edited object). Same field names as v1; only the version stamp is added.
   */
  0: (old) => ({ ...old, version: 1 }),
  /**
   * v1 → v2 (site rules that fit how sites are named, display choices, sync): every v1 field keeps its
   * name and value; `alwaysTranslateSites` now also covers subdomains (a v1 "www.spiegel.de" still
   * covers www.spiegel.de, so nothing the reader had stops working). New fields start at their defaults.
   */
  1: (old) => ({
    ...old,
    version: 2,
    neverTranslateSites: DEFAULT_SETTINGS.neverTranslateSites,
    alwaysTranslateLanguages: DEFAULT_SETTINGS.alwaysTranslateLanguages,
    siteModes: DEFAULT_SETTINGS.siteModes,
    translationStyle: DEFAULT_SETTINGS.translationStyle,
    translationSize: DEFAULT_SETTINGS.translationSize,
  }),
  /** v2 → v3 (learning mode): every v2 field kept; learning off everywhere until the reader turns it on. */
  2: (old) => ({
    ...old,
    version: 3,
    learning: DEFAULT_SETTINGS.learning,
    learningSites: DEFAULT_SETTINGS.learningSites,
  }),
};

function isRecord(value: unknown): value is RawSettings {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Version an object claims; objects without a usable stamp are version 0. */
export function storedVersion(raw: RawSettings): number {
  const v = raw.version;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

const fieldSchemas = SettingsSchema.shape;
type FieldName = keyof typeof fieldSchemas;

/** Site rules are repaired entry by entry: one bad hostname does not drop the whole list. */
function repairSites(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  for (const entry of value) {
    if (typeof entry !== 'string') continue;
    const host = normalizeHostname(entry);
    if (host) seen.add(host);
  }
  return [...seen].slice(0, 10_000);
}

/** A list repaired entry by entry against the schema of one entry. */
function repairList(value: unknown, entry: { safeParse(v: unknown): { success: boolean } }): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((v): v is string => typeof v === 'string' && entry.safeParse(v).success))];
}

/** Per-site modes repaired entry by entry: a bad mode drops that site's entry only. */
function repairSiteModes(value: unknown): Record<string, 'bilingual' | 'translation'> {
  const out: Record<string, 'bilingual' | 'translation'> = {};
  if (!isRecord(value)) return out;
  for (const [site, mode] of Object.entries(value)) {
    const host = normalizeHostname(site);
    if (host && (mode === 'bilingual' || mode === 'translation')) out[host] = mode;
  }
  return out;
}

/** Per-site learning defaults repaired entry by entry. */
function repairLearningSites(value: unknown): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  if (!isRecord(value)) return out;
  for (const [site, on] of Object.entries(value)) {
    const host = normalizeHostname(site);
    if (host && typeof on === 'boolean') out[host] = on;
  }
  return out;
}

/** Every field of the current schema, each either valid as stored or its default. */
export function repairFields(raw: RawSettings): Settings {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(fieldSchemas) as FieldName[]) {
    if (name === 'version') continue;
    if (name === 'alwaysTranslateSites' || name === 'neverTranslateSites') {
      out[name] = repairSites(raw[name]);
      continue;
    }
    if (name === 'alwaysTranslateLanguages') {
      out[name] = repairList(raw[name], LanguageCode);
      continue;
    }
    if (name === 'siteModes') {
      out[name] = repairSiteModes(raw[name]);
      continue;
    }
    if (name === 'learningSites') {
      out[name] = repairLearningSites(raw[name]);
      continue;
    }
    const parsed = fieldSchemas[name].safeParse(raw[name]);
    out[name] = parsed.success ? parsed.data : DEFAULT_SETTINGS[name];
  }
  out.version = SETTINGS_VERSION;
  // Parsing the assembled object keeps the type honest; each field was checked above.
  return SettingsSchema.parse(out);
}

/**
 * Whatever is stored (nothing, an old version, a newer version from a later build, garbage) →
 * current settings. Never throws. `migrations` and `target` are parameters so tests can check
 * the chaining with tables of their own.
 */
export function migrateSettings(
  raw: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target: number = SETTINGS_VERSION,
  repair: (raw: RawSettings) => Settings = repairFields,
): Settings {
  if (!isRecord(raw)) return repair({});
  let current: RawSettings = { ...raw };
  let version = storedVersion(current);
  while (version < target) {
    const step = migrations[version];
    if (!step) break; // a gap in the table: keep what matches the current shape
    try {
      current = step(current);
    } catch {
      break; // a migration that cannot read this object: salvage field by field
    }
    version += 1;
  }
  return repair(current);
}
