import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng, type Rng } from './prng';
import { esc, headline, paragraph, sentence } from './news-text';

/**
 * The benchmark's pages (issue 5), generated deterministically from a seed into a temp folder and
 * never committed:
 *   article.html — the project's copy of the seed article (e2e/fixtures/news/krone-north-korea.html);
 *   slow.html    — the same article with a photo and an async script that take SLOW_RESOURCE_MS each
 *                  (answered by slow-resources.ts): `load` comes long after DOMContentLoaded, as on news sites;
 *   long.html    — 150 paragraphs, about 60,000 characters;
 *   heavy.html   — over 5 MB and 50,000 elements: the article among ads, comments and related lists;
 *   endless.html — a live-ticker article that appends 10 paragraphs whenever the reader reaches its end.
 */
export const SEED_ARTICLE = fileURLToPath(new URL('../../e2e/fixtures/news/krone-north-korea.html', import.meta.url));
export const DEFAULT_SEED = 20261125;

export type PageName = 'article' | 'slow' | 'long' | 'heavy' | 'endless';
export const PAGE_NAMES: readonly PageName[] = ['article', 'slow', 'long', 'heavy', 'endless'];
/** Path prefix of the slow page's resources (scripts/bench/slow-resources.ts answers it). */
export const SLOW_PREFIX = '/slow/';

export const LONG_PARAGRAPHS = 150;
export const HEAVY_MIN_BYTES = 5 * 1024 * 1024;
export const HEAVY_MIN_ELEMENTS = 50_000;
export const ENDLESS_INITIAL = 20;
export const ENDLESS_BATCH = 10;
/** Batches the endless page can append; bounds the benchmark's scrolling. */
export const ENDLESS_MAX_BATCHES = 12;

function shell(title: string, body: string, extraHead = ''): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${esc(title)}</title>
<style>body{font:17px/1.55 Georgia,serif;margin:0 auto;max-width:1100px;padding:0 16px}
.ad-slot{background:#eee;margin:12px 0;padding:8px}.comments li{margin:8px 0}
nav ul{display:flex;flex-wrap:wrap;gap:2px 14px;list-style:none;margin:0;padding:0;font:13px/1.4 sans-serif}</style>${extraHead}
</head><body>
${body}
</body></html>
`;
}

function articleBlock(rng: Rng, title: string, paragraphs: string[]): string {
  const ps = paragraphs.map((p, i) => (i > 0 && i % 12 === 0 ? `<h2>${esc(headline(rng))}</h2>\n` : '') + `<p>${esc(p)}</p>`);
  return `<main><article class="article-body">
<h1>${esc(title)}</h1>
<p class="lead"><strong>${esc(sentence(rng, 24))}</strong></p>
${ps.join('\n')}
</article></main>`;
}

/** 150 paragraphs of 220–520 characters (about 400 on average): about 60,000 characters. */
export function longPage(seed: number): string {
  const rng = createRng(seed);
  const paragraphs = Array.from({ length: LONG_PARAGRAPHS }, (_, i) => paragraph(rng, rng.int(220, 520), i + 1));
  return shell('Long read', `<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>\n${articleBlock(rng, headline(rng), paragraphs)}`);
}

/** An element-counting HTML writer, so the heavy page can be grown until both thresholds are met. */
class HtmlWriter {
  parts: string[] = [];
  bytes = 0;
  elements = 0;
  add(html: string, elements: number): void {
    this.parts.push(html);
    this.bytes += Buffer.byteLength(html);
    this.elements += elements;
  }
}

function adSlot(rng: Rng, n: number): [string, number] {
  const cells = Array.from({ length: 6 }, (_, i) => `<span class="ad-cell" data-slot="${n}-${i}" style="display:inline-block;width:120px;height:20px">Offer ${rng.int(1, 99)}%</span>`);
  return [`<div class="ad-slot advertisement" id="ad-${n}" aria-hidden="true"><div class="ad-inner">${cells.join('')}<a href="/ad/${n}">Sponsored</a></div></div>\n`, 9];
}

/** The seed-sized article (30 paragraphs) inside ads, a long comment thread and related-story lists. */
export function heavyPage(seed: number): string {
  const rng = createRng(seed + 1);
  const w = new HtmlWriter();
  // A wrapped one-line-per-row menu, as news sites have: the article still starts on the first screen.
  const nav = Array.from({ length: 60 }, (_, i) => `<li><a href="/section/${i}">${esc(headline(rng).slice(0, 16))}</a></li>`).join('');
  w.add(`<header class="site-header"><nav><ul>${nav}</ul></nav></header>\n`, 3 + 120);
  for (let i = 0; i < 3; i++) w.add(...adSlot(rng, i));
  const paragraphs = Array.from({ length: 30 }, (_, i) => paragraph(rng, rng.int(250, 550), i + 1));
  w.add(articleBlock(rng, headline(rng), paragraphs) + '\n', 4 + 30 + 2);
  let n = 3;
  const related = () => {
    const items = Array.from({ length: 40 }, (_, i) => `<li><a href="/story/${n}-${i}"><img alt="" width="80" height="45" src="data:,">${esc(headline(rng))}</a></li>`).join('');
    w.add(`<aside class="related"><h3>Related stories</h3><ul>${items}</ul></aside>\n`, 3 + 40 * 3);
  };
  related();
  w.add('<section id="comments" class="comments"><h2>Comments</h2><ol class="comment-list">\n', 3);
  // Grow comments (with an ad and a related list now and then) until the page is heavy enough.
  while (w.bytes < HEAVY_MIN_BYTES || w.elements < HEAVY_MIN_ELEMENTS) {
    const replies = rng.int(0, 3);
    const replyHtml = Array.from({ length: replies }, () => `<li class="reply"><div class="comment-meta"><b>user${rng.int(1, 99999)}</b> <time>${rng.int(1, 59)} min</time></div><p>${esc(sentence(rng))}</p></li>`).join('');
    w.add(
      `<li class="comment"><div class="comment-meta"><b>reader${rng.int(1, 99999)}</b> <time>${rng.int(1, 23)} h</time></div><p>${esc(paragraph(rng, rng.int(300, 1200), n))}</p><div class="comment-actions"><button>Reply</button><button>Like ${rng.int(0, 500)}</button></div>${replies ? `<ol class="replies">${replyHtml}</ol>` : ''}</li>\n`,
      7 + (replies ? 1 + replies * 5 : 0),
    );
    n++;
    if (n % 50 === 0) w.add(...adSlot(rng, n));
    if (n % 400 === 0) {
      w.add('</ol></section>\n', 0);
      related();
      w.add('<section class="comments more-comments"><ol class="comment-list">\n', 2);
    }
  }
  w.add('</ol></section>\n<footer class="site-footer"><p>© Benchmark News</p></footer>', 2);
  return shell('Heavy page', w.parts.join(''));
}

/**
 * A live-ticker article: 20 paragraphs, then 10 more each time the reader scrolls to the end, up to
 * ENDLESS_MAX_BATCHES. Ticker items are short (150–350 characters), as on live blogs. Future items
 * wait in a JSON script (not DOM text), and each append is logged in `window.__benchEndless` with
 * its page-clock time, so the benchmark measures translation latency from the moment text appears.
 */
export function endlessPage(seed: number): string {
  const rng = createRng(seed + 2);
  const initial = Array.from({ length: ENDLESS_INITIAL }, (_, i) => paragraph(rng, rng.int(150, 350), i + 1));
  const batches = Array.from({ length: ENDLESS_MAX_BATCHES }, (_, b) =>
    Array.from({ length: ENDLESS_BATCH }, (_, i) => paragraph(rng, rng.int(150, 350), ENDLESS_INITIAL + b * ENDLESS_BATCH + i + 1)),
  );
  // JSON inside <script>: escape "<" so no text can close the element.
  const pool = JSON.stringify(batches).replace(/</g, '\\u003c');
  const script = `<script type="application/json" id="bench-pool">${pool}</script>
<script>
(() => {
  const pool = JSON.parse(document.getElementById('bench-pool').textContent);
  const log = (window.__benchEndless = []);
  let next = 0;
  const append = () => {
    if (next >= pool.length) return;
    const article = document.querySelector('article');
    const batch = next++;
    for (const text of pool[batch]) {
      const p = document.createElement('p');
      p.dataset.benchBatch = String(batch);
      p.textContent = text;
      article.appendChild(p);
    }
    log.push({ batch, at: performance.now() });
  };
  addEventListener('scroll', () => {
    if (innerHeight + scrollY >= document.documentElement.scrollHeight - 4) append();
  }, { passive: true });
})();
</script>`;
  return shell('Live ticker', `${articleBlock(rng, headline(rng), initial)}\n${script}`);
}

/** The seed article with a photo and an async script that keep `load` waiting (neither delays DOMContentLoaded). */
export function slowPage(seedHtml: string): string {
  const extra = `<img src="${SLOW_PREFIX}photo.gif" alt="" width="640" height="360"><script async src="${SLOW_PREFIX}widget.js"></script>`;
  return seedHtml.replace('</body>', `${extra}</body>`);
}

export interface GeneratedPages {
  dir: string;
  files: Record<PageName, string>;
}

/** Writes the four pages into `dir` (created if missing). */
export async function generatePages(dir: string, seed = DEFAULT_SEED): Promise<GeneratedPages> {
  await mkdir(dir, { recursive: true });
  const files: Record<PageName, string> = { article: 'article.html', slow: 'slow.html', long: 'long.html', heavy: 'heavy.html', endless: 'endless.html' };
  // Copied as bytes (not copyFile) so the copy is writable even when the checkout is read-only.
  const seedArticle = await readFile(SEED_ARTICLE);
  await writeFile(join(dir, files.article), seedArticle);
  await writeFile(join(dir, files.slow), slowPage(seedArticle.toString('utf8')));
  await writeFile(join(dir, files.long), longPage(seed));
  await writeFile(join(dir, files.heavy), heavyPage(seed));
  await writeFile(join(dir, files.endless), endlessPage(seed));
  return { dir, files };
}

// `tsx scripts/bench/generate-pages.ts DIR` writes the pages for a look in a browser.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: tsx scripts/bench/generate-pages.ts OUTPUT_DIR');
  void generatePages(dir).then((p) => console.log(`wrote ${Object.values(p.files).join(', ')} to ${p.dir}`));
}
