import { t } from '@/utils/i18n/t';
import type { ConfigField } from '@/utils/translate/types';

/** Field name → what is wrong with its value, for the fields that are wrong. */
export type FieldErrors = Record<string, string>;

/** True for absolute http(s) URLs, which is all a provider server can be. */
export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

export function validateConfig(fields: readonly ConfigField[], values: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of fields) {
    const value = (values[field.name] ?? '').trim();
    if (!value) {
      if (field.required) errors[field.name] = t('field_required', { field: field.label });
      continue;
    }
    if (field.kind === 'url' && !isHttpUrl(value)) {
      errors[field.name] = t('field_url_invalid', { field: field.label });
    }
  }
  return errors;
}

/**
 * Host permission patterns for the URL fields' servers. Without the port: Firefox rejects patterns
 * with ports, and Chrome treats a missing port as any port.
 */
export function originPatterns(fields: readonly ConfigField[], values: Record<string, string>): string[] {
  const patterns = new Set<string>();
  for (const field of fields) {
    if (field.kind !== 'url') continue;
    const value = (values[field.name] ?? '').trim();
    if (!isHttpUrl(value)) continue;
    const u = new URL(value);
    patterns.add(`${u.protocol}//${u.hostname}/*`);
  }
  return [...patterns];
}

/**
 * Providers' messages are written for a page being translated ("Add it in Duet's options."); on the
 * options page itself that advice points at the page the reader is on, so it is said plainly.
 */
export function forOptionsPage(message: string): string {
  // The setup advice the providers add in every locale (setup_add_in_settings), then English wordings.
  return message
    .replace(t('setup_add_in_settings'), t('setup_add_below'))
    .replace(/\b(Add|Enter) (it|them|your [^.]*?) in Duet's (options|settings)\./g, (_m, verb: string, what: string) => `${verb} ${what} in its settings below.`)
    .replace(/ in Duet's (options|settings)/g, '');
}
