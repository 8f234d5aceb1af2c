import { PAGE_NAMES, type PageName } from './generate-pages';

/** `npm run bench -- [options]`; see USAGE. */
export interface BenchArgs {
  runs: number;
  /** Fixed provider delay per request, ms. */
  latencyMs: number;
  /** Provider delay per character sent, ms. */
  latencyPerCharMs: number;
  json?: string;
  check: boolean;
  pages: PageName[];
  seed: number;
  /** Batches of the endless page to scroll through per cold run. */
  endlessBatches: number;
  /** A built extension to measure instead of .output/chrome-mv3 (e.g. an older build, for a before/after table). */
  extension?: string;
  help: boolean;
}

export const USAGE = `npm run bench -- [options]
  --runs N          runs per figure, medians printed (default 5)
  --quick           one run (same as --runs 1)
  --latency MS[+PER_CHAR]   fake provider delay: MS a request plus PER_CHAR ms a character (default 150+0.05)
  --json FILE       also write every sample and median as JSON
  --check           exit non-zero when a budget is missed
  --pages a,b       only these pages (${PAGE_NAMES.join(', ')})
  --seed N          page generator seed
  --endless-batches N   endless-page batches to scroll through (default 4)
  --extension DIR   measure this built extension instead of .output/chrome-mv3 (before/after tables)`;

function number(flag: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n) || n < min) throw new Error(`${flag} needs a number ≥ ${min}, got ${value ?? 'nothing'}`);
  return n;
}

/** Parses the `--latency` value: "150", "150+0.05" or "150,0.05". */
export function parseLatency(value: string | undefined): { latencyMs: number; latencyPerCharMs: number } {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:[+,]\s*(\d+(?:\.\d+)?))?\s*$/.exec(value ?? '');
  if (!match) throw new Error(`--latency needs MS or MS+PER_CHAR (e.g. 150+0.05), got ${value ?? 'nothing'}`);
  return { latencyMs: Number(match[1]), latencyPerCharMs: match[2] === undefined ? 0.05 : Number(match[2]) };
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = {
    runs: 5,
    latencyMs: 150,
    latencyPerCharMs: 0.05,
    check: false,
    pages: [...PAGE_NAMES],
    seed: 20261125,
    endlessBatches: 4,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--runs':
        args.runs = Math.floor(number(flag, value(), 1));
        break;
      case '--quick':
        args.runs = 1;
        break;
      case '--latency':
        Object.assign(args, parseLatency(value()));
        break;
      case '--json':
        args.json = value();
        if (!args.json) throw new Error('--json needs a file name');
        break;
      case '--check':
        args.check = true;
        break;
      case '--pages': {
        const names = (value() ?? '').split(',').map((s) => s.trim()).filter(Boolean);
        const unknown = names.filter((n) => !PAGE_NAMES.includes(n as PageName));
        if (names.length === 0 || unknown.length) throw new Error(`--pages takes ${PAGE_NAMES.join(', ')}; got ${unknown.join(', ') || 'nothing'}`);
        args.pages = names as PageName[];
        break;
      }
      case '--seed':
        args.seed = Math.floor(number(flag, value(), 0));
        break;
      case '--endless-batches':
        args.endlessBatches = Math.floor(number(flag, value(), 1));
        break;
      case '--extension':
        args.extension = value();
        if (!args.extension) throw new Error('--extension needs a folder');
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new Error(`unknown option ${arg}\n${USAGE}`);
    }
  }
  return args;
}
