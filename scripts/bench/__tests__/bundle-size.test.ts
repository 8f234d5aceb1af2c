// @vitest-environment node
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleSizes } from '../bundle-size';

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('bundleSizes', () => {
  it('adds up the files the manifest lists, raw and gzipped', async () => {
    dir = await mkdtemp(join(tmpdir(), 'bench-bundle-'));
    await mkdir(join(dir, 'content-scripts'));
    const js = 'console.log("hello");'.repeat(200);
    await writeFile(join(dir, 'content-scripts/content.js'), js);
    await writeFile(join(dir, 'content-scripts/content.css'), 'p{}');
    await writeFile(join(dir, 'background.js'), 'x');
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ background: { service_worker: 'background.js' }, content_scripts: [{ js: ['content-scripts/content.js'], css: ['content-scripts/content.css'] }] }));
    const sizes = await bundleSizes(dir);
    expect(sizes.contentScript.raw).toBe(js.length + 3);
    expect(sizes.contentScript.gzip).toBe(gzipSync(js).length + gzipSync('p{}').length);
    expect(sizes.contentScript.gzip).toBeLessThan(sizes.contentScript.raw);
    expect(sizes.background).toMatchObject({ files: ['background.js'], raw: 1 });
  });
});
