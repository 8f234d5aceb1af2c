import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The framework fixture apps of e2e/apps/, built at test time from the project's npm packages
 * (React 19, Vue 3, Preact) into a temporary folder the fixture server serves. The React SSR page
 * carries markup rendered here with react-dom/server and hydrates late.
 */
export type AppName = 'react' | 'vue' | 'preact' | 'react-ssr';

const APPS = fileURLToPath(new URL('../apps/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const ENTRY: Record<AppName, string> = {
  react: 'react-app.mjs',
  vue: 'vue-app.mjs',
  preact: 'preact-app.mjs',
  'react-ssr': 'react-ssr-client.mjs',
};

function page(title: string, script: string, rootHtml = '', bodyAttrs = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:17px/1.5 Georgia,serif;margin:0 auto;max-width:1100px;padding:0 16px} nav a{margin-right:1em}</style></head>
<body${bodyAttrs}><header><nav><a href="/">Home</a><a href="/world">World</a><a href="/sport">Sport</a></nav></header>
<main id="root">${rootHtml}</main>
<footer><p>© Valley News</p></footer>
<script src="${script}"></script></body></html>`;
}

/** Builds every app into a new temporary folder; returns the folder. */
export async function buildFrameworkApps(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'duet-apps-'));
  for (const [name, entry] of Object.entries(ENTRY) as [AppName, string][]) {
    await build({
      entryPoints: [join(APPS, entry)],
      bundle: true,
      format: 'iife',
      minify: true,
      outfile: join(out, `${name}.js`),
      absWorkingDir: ROOT,
      nodePaths: [join(ROOT, 'node_modules')],
      define: { 'process.env.NODE_ENV': '"production"', __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
      logLevel: 'error',
    });
  }
  const React = await import('react');
  const { renderToString } = await import('react-dom/server');
  const { ARTICLE } = (await import(join(APPS, 'article.mjs'))) as { ARTICLE: unknown };
  const { makeNews } = (await import(join(APPS, 'news-component.mjs'))) as { makeNews: (r: typeof React) => React.FC<{ article: unknown }> };
  const serverHtml = renderToString(React.createElement(makeNews(React), { article: ARTICLE }));
  for (const name of ['react', 'vue', 'preact'] as const) writeFileSync(join(out, `${name}.html`), page(`Valley News (${name})`, `${name}.js`));
  writeFileSync(join(out, 'react-ssr.html'), page('Valley News (SSR)', 'react-ssr.js', serverHtml, ' data-hydrate-after="2500"'));
  return out;
}
