import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * Where provider settings (API keys) live in Firefox: IndexedDB of the extension's own origin
 * (moz-extension://…), which only the background and the extension's pages share. Content scripts
 * open IndexedDB of the page's origin, so they cannot reach it.
 *
 * Why not storage.local as in Chrome: Firefox exposes storage.local to content scripts and has no way
 * to restrict it (`setAccessLevel` exists only for storage.session there; Mozilla bug 1724754), and
 * storage.session is forgotten when the browser closes.
 *
 * Other contexts learn about a change through `PROVIDER_CONFIG_REVISION_KEY` in storage.local: a
 * number without secrets, bumped on every save, so the storage.onChanged listeners that watch the
 * config in Chrome work unchanged.
 */
export const VAULT_DB_NAME = 'duet-provider-config';
const VAULT_DB_VERSION = 1;
const STORE = 'config';
const RECORD_KEY = 'all';
export const PROVIDER_CONFIG_REVISION_KEY = 'providerConfigRevision';

/** Whether this build keeps provider settings here: Firefox builds (WXT defines import.meta.env.FIREFOX); tests flip it. */
export const vaultChoice = { inUse: import.meta.env.FIREFOX === true };

interface VaultDb extends DBSchema {
  [STORE]: { key: string; value: Record<string, unknown> };
}

let db: Promise<IDBPDatabase<VaultDb>> | undefined;

function open(): Promise<IDBPDatabase<VaultDb>> {
  db ??= openDB<VaultDb>(VAULT_DB_NAME, VAULT_DB_VERSION, {
    upgrade(database) {
      database.createObjectStore(STORE);
    },
  }).catch((error: unknown) => {
    db = undefined; // try again next time rather than failing forever
    throw error;
  });
  return db;
}

/** Forgets the open connection (tests that replace IndexedDB). */
export function resetProviderConfigVault(): void {
  db = undefined;
}

/** Everything saved, shaped `{ [providerId]: { [field]: string } }` (validated by the caller). */
export async function readVault(): Promise<unknown> {
  return (await open()).get(STORE, RECORD_KEY);
}

export async function writeVault(all: Record<string, unknown>): Promise<void> {
  await (await open()).put(STORE, all, RECORD_KEY);
}

/**
 * Moves provider settings found in storage.local (a build before this one, a script, a test) into
 * the vault and deletes them there, so no key stays where content scripts can read it. What
 * storage.local held was written last, so it wins field by field over the vault's copy.
 * Returns the vault's content afterwards.
 */
export async function takeFromStorageLocal(
  local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; remove(key: string): Promise<void> },
  localKey: string,
): Promise<Record<string, unknown>> {
  const stored = await readVault();
  const vault = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const leftover = (await local.get(localKey))[localKey];
  if (leftover === undefined) return vault;
  const merged = { ...vault };
  if (leftover && typeof leftover === 'object') {
    for (const [id, fields] of Object.entries(leftover as Record<string, unknown>)) {
      const before = merged[id] && typeof merged[id] === 'object' ? (merged[id] as object) : {};
      merged[id] = fields && typeof fields === 'object' ? { ...before, ...fields } : fields;
    }
  }
  await writeVault(merged);
  await local.remove(localKey);
  await bumpRevision(local);
  console.info('[duet] provider settings moved from storage.local to the extension-only vault');
  return merged;
}

/** Tells every context (options, popup, background) that provider settings changed. */
export async function bumpRevision(local: { set(items: Record<string, unknown>): Promise<void> }): Promise<void> {
  await local.set({ [PROVIDER_CONFIG_REVISION_KEY]: Date.now() + Math.random() });
}
