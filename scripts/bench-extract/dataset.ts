/** Reads a data set in the format of shared/bench/article-extraction: html/<id>.html.gz + ground-truth.json. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface BenchPage {
  id: string;
  url: string;
  truth: string;
  /** web-eval only: segments of main text that must be sent, and boilerplate segments that must not. */
  with?: string[];
  without?: string[];
  html: () => string;
}

export const DATA_SOURCE =
  'The data set is part of Zyte\'s public article extraction benchmark (github.com/scrapinghub/article-extraction-benchmark, MIT): ' +
  'a folder with html/<id>.html.gz and ground-truth.json ({ <id>: { url, articleBody } }). ' +
  'web-eval (trafilatura\'s evaluation corpus, Apache-2.0) has the same layout with `with`/`without` segments. ' +
  'It is kept outside the project (default ../shared/bench/article-extraction); pass another with --data DIR.';

/** Throws with a message saying where the data comes from when the folder is missing or malformed. */
export function loadDataset(dir: string): BenchPage[] {
  const truthFile = join(dir, 'ground-truth.json');
  if (!existsSync(truthFile)) throw new Error(`No benchmark data at ${dir} (missing ground-truth.json).\n${DATA_SOURCE}`);
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Record<
    string,
    { url: string; articleBody: string; with?: string[]; without?: string[] }
  >;
  return Object.entries(truth)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, t]) => {
      const file = join(dir, 'html', `${id}.html.gz`);
      if (!existsSync(file)) throw new Error(`Page ${id} listed in ground-truth.json has no ${file}.\n${DATA_SOURCE}`);
      const page: BenchPage = { id, url: t.url, truth: t.articleBody ?? '', html: () => gunzipSync(readFileSync(file)).toString('utf8') };
      if (Array.isArray(t.with)) page.with = t.with;
      if (Array.isArray(t.without)) page.without = t.without;
      return page;
    });
}
