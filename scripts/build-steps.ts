/**
 * The steps of `npm run build` (scripts/build.ts), in order, each a Node script run in its own process
 * with the project as its folder. The build benchmark (scripts/bench/build-bench.ts) runs the same list,
 * so what it measures is what an operator's build and the server's own rebuilds do.
 */
import { join, resolve } from 'node:path';

export interface BuildStep {
  /** As the build's log names it. */
  name: string;
  /** Options for the Node that runs the script. */
  nodeOptions: string[];
  script: string;
  args: string[];
}

const root = resolve(import.meta.dirname, '..');

/** The arguments of `node` for a step. */
export const nodeArguments = (step: BuildStep): string[] => [...step.nodeOptions, step.script, ...step.args];

/** The steps for a build into `out` (dist/, or DUBAN_OUT_DIR). */
export function buildSteps(out: string): BuildStep[] {
  return [
    // The static pages into client/, the server bundle into server/. V8 lets the heap grow to up to four times what
    // survived its last full collection before collecting again, so prerendering ten thousand pages piled up 0.6 GiB of
    // garbage, over a third of the step's peak; held to 1.5 times, the peak is a fifth lower at no cost in time (issue 13).
    // The bound follows the live heap, so a larger board still gets the room it needs.
    {
      name: 'Astro 构建',
      nodeOptions: ['--heap-growing-percent=50'],
      script: join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'),
      args: ['build'],
    },
    // The content pages of client/, in parts of a bounded size.
    { name: 'Pagefind 索引', nodeOptions: [], script: join(root, 'scripts', 'search-index.ts'), args: ['--site', join(out, 'client')] },
    // Brotli and gzip copies beside the text files.
    { name: '预压缩', nodeOptions: [], script: join(root, 'scripts', 'precompress.ts'), args: [] },
  ];
}

/** How a step's process ended, as the build's log says it. */
export function howItEnded(status: number | null, signal: string | null): string {
  return signal ? `被信号 ${signal} 中止` : `退出码 ${status}`;
}
