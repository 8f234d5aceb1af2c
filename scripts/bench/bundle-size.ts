import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Sizes of what the browser loads for Duet, read from the built extension's manifest: the content
 * script (every js/css file a content_scripts entry lists) and the background service worker.
 * gzip at zlib's default level, like the `gzip` command.
 */
export interface BundleSize {
  files: string[];
  raw: number;
  gzip: number;
}

export interface BundleSizes {
  contentScript: BundleSize;
  background: BundleSize;
}

interface Manifest {
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: Array<{ js?: string[]; css?: string[] }>;
}

async function measure(dir: string, files: string[]): Promise<BundleSize> {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = await readFile(join(dir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { files, raw, gzip };
}

export async function bundleSizes(extensionDir: string): Promise<BundleSizes> {
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as Manifest;
  const contentFiles = [...new Set((manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]))];
  const backgroundFiles = manifest.background?.service_worker ? [manifest.background.service_worker] : (manifest.background?.scripts ?? []);
  return { contentScript: await measure(extensionDir, contentFiles), background: await measure(extensionDir, backgroundFiles) };
}
