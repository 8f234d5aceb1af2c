import type { Settings, TranslatingMode } from './schema';

/**
 * Site rules as readers name sites: "lemonde.fr" means Le Monde, whatever subdomain a page is on
 * (www., m., international.). Pure functions over the settings, shared by the content script (what
 * to do on load), the popup (what the checkboxes show) and the options page.
 */

/** Hostname as stored in site rules: trimmed, lower case, without a trailing dot. */
export function normalizeHostname(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

/**
 * The site a new rule is stored under for a page's hostname: "www." and the mobile "m." are dropped,
 * so a rule made on www.lemonde.fr covers lemonde.fr and all its subdomains. Nothing more is cut: without
 * the public-suffix list, "bbc.co.uk" and "news.bbc.co.uk" cannot be told apart from "co.uk" safely.
 */
export function siteOfHost(host: string): string {
  const h = normalizeHostname(host);
  const cut = h.replace(/^(www\d*|m)\./, '');
  return cut.includes('.') ? cut : h;
}

/** True when a rule for `site` covers `host`: the same host, or one of its subdomains. */
export function covers(site: string, host: string): boolean {
  const s = normalizeHostname(site);
  const h = normalizeHostname(host);
  return h === s || h.endsWith(`.${s}`);
}

/** The most specific entry of `sites` that covers `host` (longest wins), if any. */
export function matchSite(sites: Iterable<string>, host: string): string | undefined {
  let best: string | undefined;
  for (const site of sites) {
    if (covers(site, host) && (best === undefined || site.length > best.length)) best = site;
  }
  return best;
}

export type AutoReason = 'site' | 'language' | 'never' | 'none';

export interface SiteDecision {
  /** Translate as soon as the page opens. */
  auto: boolean;
  /** Why: an always-translate site, an always-translate language, a never-translate site, or no rule. */
  reason: AutoReason;
  /** The rule that decided (a site or a language code). */
  rule?: string;
  /** The mode this site is shown in. */
  mode: TranslatingMode;
}

function primary(lang: string | undefined): string | undefined {
  return lang?.split(/[-_]/)[0]?.toLowerCase() || undefined;
}

/**
 * What Duet does when a page on `host` in `pageLanguage` opens. The more specific site rule wins
 * ("lemonde.fr: always" with "jeux.lemonde.fr: never" leaves the games alone); at equal length
 * "never" wins. A never-translate site also overrides an always-translate language.
 */
export function decideForPage(settings: Settings, host: string, pageLanguage?: string): SiteDecision {
  const mode = modeForSite(settings, host);
  const always = matchSite(settings.alwaysTranslateSites, host);
  const never = matchSite(settings.neverTranslateSites, host);
  if (never !== undefined && (always === undefined || never.length >= always.length)) {
    return { auto: false, reason: 'never', rule: never, mode };
  }
  if (always !== undefined) return { auto: true, reason: 'site', rule: always, mode };
  const lang = primary(pageLanguage);
  const byLanguage = lang && settings.alwaysTranslateLanguages.find((l) => primary(l) === lang);
  if (byLanguage) return { auto: true, reason: 'language', rule: byLanguage, mode };
  return { auto: false, reason: 'none', mode };
}

/** The display mode for a site: its own (most specific rule), else the general setting. */
export function modeForSite(settings: Settings, host: string): TranslatingMode {
  const site = matchSite(Object.keys(settings.siteModes), host);
  return (site !== undefined && settings.siteModes[site]) || settings.mode;
}

/** Learning mode on this site: its own default (most specific rule), else the general setting. */
export function learningForSite(settings: Settings, host: string): boolean {
  const site = matchSite(Object.keys(settings.learningSites), host);
  return site !== undefined ? settings.learningSites[site] === true : settings.learning;
}

/** The patch that gives `host`'s site its own learning default (the reader ticked the popup's box). */
export function learningSitePatch(settings: Settings, host: string, on: boolean): Pick<Settings, 'learningSites'> {
  const site = siteOfHost(host);
  const learningSites = Object.fromEntries(Object.entries(settings.learningSites).filter(([s]) => normalizeHostname(s) !== site));
  if (site) learningSites[site] = on;
  return { learningSites };
}

/** `list` with `site` added (on) or every entry covering exactly that site removed (off). */
export function withSite(list: readonly string[], site: string, on: boolean): string[] {
  const s = normalizeHostname(site);
  const without = list.filter((x) => normalizeHostname(x) !== s);
  return on ? [...without, s] : without;
}

/**
 * The patch that makes `host`'s site always (or never, or neither) translated: the site is added to one
 * list and every rule covering the host is removed from the other, so the checkbox the reader ticked is
 * what happens on the next load.
 */
export function sitePreferencePatch(
  settings: Settings,
  host: string,
  choice: 'always' | 'never' | 'default',
): Pick<Settings, 'alwaysTranslateSites' | 'neverTranslateSites'> {
  const site = siteOfHost(host);
  const drop = (list: readonly string[]) => list.filter((x) => !covers(x, host));
  const always = drop(settings.alwaysTranslateSites);
  const never = drop(settings.neverTranslateSites);
  if (choice === 'always') always.push(site);
  if (choice === 'never') never.push(site);
  return { alwaysTranslateSites: always, neverTranslateSites: never };
}
