/**
 * The cache partition of a page: its scheme and host (`https://news.example.co.uk`). Browsers partition
 * their HTTP caches by site (scheme + registrable domain); a host is a finer partition, so it leaks no
 * more, and it needs no Public Suffix List in the background (tldts would have added 270 KB to the
 * service worker, parsed on every cold start). What it costs: a text shared by two hosts of one site
 * is translated once per host — on the 121 pages of shared/bench/article-extraction (97 hosts) the
 * 186 repeated paragraphs all repeat within one host, so nothing (note-12). '' when not http(s).
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
  return `${parsed.protocol}//${parsed.hostname}`;
}
