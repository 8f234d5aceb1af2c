/**
 * `npm run lint:firefox`: Mozilla's add-on linter (web-ext lint, what addons.mozilla.org runs on
 * upload) on the Firefox build. Fails on any error or notice and on any warning except the one we
 * cannot fix: React DOM's own `innerHTML` assignment for `dangerouslySetInnerHTML`, which Duet never
 * uses (checked here too). Prints the linter's findings either way.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sourceDir = join(root, '.output/firefox-mv3');

interface Finding {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}
interface Report {
  summary: { errors: number; notices: number; warnings: number };
  errors: Finding[];
  notices: Finding[];
  warnings: Finding[];
}

/** React DOM's `e.innerHTML = n` for `__html` (dangerouslySetInnerHTML): the source around the finding says so. */
function isReactDangerousHtml(finding: Finding): boolean {
  if (finding.code !== 'UNSAFE_VAR_ASSIGNMENT' || !finding.file || !finding.line) return false;
  const line = readFileSync(join(sourceDir, finding.file), 'utf8').split('\n')[finding.line - 1] ?? '';
  const around = line.slice(Math.max(0, (finding.column ?? 0) - 200), (finding.column ?? 0) + 40);
  return around.includes('__html') && around.includes('.innerHTML=');
}

function ownSourcesUseDangerousHtml(): string[] {
  const hits: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(name) && !path.includes('__tests__') && readFileSync(path, 'utf8').includes('dangerouslySetInnerHTML')) hits.push(path);
    }
  };
  for (const dir of ['entrypoints', 'components', 'utils']) walk(join(root, dir));
  return hits;
}

const bin = join(root, 'node_modules/web-ext/bin/web-ext.js');
const run = spawnSync(process.execPath, [bin, 'lint', '--source-dir', sourceDir, '--output', 'json', '--no-config-discovery'], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
const start = run.stdout.indexOf('{');
if (start < 0) {
  console.error(`[lint:firefox] web-ext lint printed no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}
const report = JSON.parse(run.stdout.slice(start)) as Report;
const show = (f: Finding) => `  ${f.code} ${f.file ?? ''}${f.line ? `:${f.line}:${f.column}` : ''} — ${f.message}`;
console.log(`[lint:firefox] web-ext lint: ${report.summary.errors} errors, ${report.summary.notices} notices, ${report.summary.warnings} warnings`);
for (const f of [...report.errors, ...report.notices, ...report.warnings]) console.log(show(f));

const unfixable = report.warnings.filter(isReactDangerousHtml);
const blocking = [...report.errors, ...report.notices, ...report.warnings.filter((w) => !unfixable.includes(w))];
const dangerous = ownSourcesUseDangerousHtml();
if (unfixable.length) console.log(`[lint:firefox] accepted: ${unfixable.length} × React DOM's dangerouslySetInnerHTML path (unused by Duet)`);
if (dangerous.length) console.error(`[lint:firefox] Duet's own code uses dangerouslySetInnerHTML: ${dangerous.join(', ')}`);
if (blocking.length || dangerous.length) {
  console.error(`[lint:firefox] failed: ${blocking.length} finding(s) to fix`);
  process.exit(1);
}
console.log('[lint:firefox] passed');
