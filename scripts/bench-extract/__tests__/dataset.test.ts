import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDataset } from '../dataset';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

describe('loadDataset', () => {
  it('says where the data comes from when the folder is missing', () => {
    expect(() => loadDataset('/nonexistent/article-extraction')).toThrow(/article-extraction-benchmark/);
  });

  it('reads ground truth and gunzips pages lazily', () => {
    dir = mkdtempSync(join(tmpdir(), 'duet-bench-'));
    mkdirSync(join(dir, 'html'));
    writeFileSync(join(dir, 'ground-truth.json'), JSON.stringify({ p1: { url: 'https://x.example/a', articleBody: 'Body text' } }));
    writeFileSync(join(dir, 'html', 'p1.html.gz'), gzipSync('<p>Body text</p>'));
    const [page] = loadDataset(dir);
    expect(page).toMatchObject({ id: 'p1', url: 'https://x.example/a', truth: 'Body text' });
    expect(page!.html()).toBe('<p>Body text</p>');
  });
});
