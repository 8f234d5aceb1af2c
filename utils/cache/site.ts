import { getDomain } from 'tldts';

/**
 * The top-level site of a page, as browsers partition their HTTP caches: scheme plus registrable
 * domain (eTLD+1 from the Public Suffix List, via tldts), so `news.example.co.uk` and
 * `www.example.co.uk` are one site and `a.github.io` / `b.github.io` are two. Hosts without a
 * registrable domain (IP addresses, localhost) are their own site. '' when the URL is not http(s).
 */
export function topLevelSite(url: string | undefined): string {
  if (!url) return '';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return '';
  const host = parsed.hostname;
  const domain = getDomain(host, { allowPrivateDomains: true }) ?? host;
  return `${parsed.protocol}//${domain}`;
}
