/**
 * npm run bench:build [-- --tasks 10000] [-- --tasks 2500,5000,10000,20000] [-- --rounds 3]
 *
 * For each size: builds a synthetic district with the steps of `npm run build` (scripts/build-steps.ts:
 * Astro, Pagefind, precompression), each step timed with its peak memory (the process and its children),
 * and, in the same run, a bare Astro site of the same Markdown with a minimal layout, the two in turn for
 * each round (medians of the rounds are reported: this machine's times vary by a fifth); prints both beside
 * the goals at 10,000 tasks (build + index ≤ 40 s, ≤ 1.5 GB, ≤ 1.5 × the bare build). With several sizes
 * it also prints how time and memory grow: the fitted exponent of cost ≈ a · tasks^b (1 is linear).
 * Goals are reported, never asserted.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSteps, nodeArguments } from '../build-steps.ts';
import { median, scalingExponent } from './scaling.ts';
import { writeSyntheticDistrict } from './synthetic-district.ts';

const root = resolve(import.meta.dirname, '..', '..');
const work = join(root, '.bench');
const { values } = parseArgs({ options: { tasks: { type: 'string', default: '10000' }, rounds: { type: 'string', default: '1' } } });
const rounds = Number(values.rounds);
const sizes = values.tasks.split(',').map((t) => Number(t.trim()));
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`--rounds takes a whole number of rounds: ${values.rounds}`);
  process.exit(2);
}
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error(`--tasks takes whole numbers of tasks, separated by commas: ${values.tasks}`);
  process.exit(2);
}

interface Run {
  seconds: number;
  peakMiB: number;
}

/** Resident memory of a process and all its descendants, in KiB, read from /proc. */
async function treeRssKiB(rootPid: number): Promise<number> {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = await readFile(`/proc/${entry}/status`, 'utf8');
      parents.set(Number(entry), Number(/PPid:\s+(\d+)/.exec(status)?.[1]));
      rss.set(Number(entry), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      /* the process ended while we looked */
    }
  }
  const inTree = (pid: number): boolean => pid === rootPid || (parents.has(pid) && pid !== 1 && inTree(parents.get(pid)!));
  let total = 0;
  for (const [pid, kib] of rss) if (inTree(pid)) total += kib;
  return total;
}

function measure(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  // The files the step before wrote are flushed first, so no step pays for another's writing.
  execFileSync('sync');
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    let peak = 0;
    const timer = setInterval(() => void treeRssKiB(child.pid!).then((k) => (peak = Math.max(peak, k))), 100);
    child.on('error', fail);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) fail(new Error(`${command} ${args.join(' ')} exited with ${code}`));
      else done({ seconds: (performance.now() - started) / 1000, peakMiB: peak / 1024 });
    });
  });
}

async function writeBareSite(dir: string, tasksDir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'src', 'pages', 'tasks'), { recursive: true });
  await writeFile(join(dir, 'astro.config.mjs'), "export default { output: 'static', devToolbar: { enabled: false } };\n");
  await writeFile(
    join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { tasks: defineCollection({ loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(tasksDir)} }) }) };\n`,
  );
  await writeFile(
    join(dir, 'src', 'pages', 'tasks', '[id].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() { return (await getCollection('tasks')).map((entry) => ({ params: { id: entry.id }, props: { entry } })); }\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{entry.data.title}</title></head><body><h1>{entry.data.title}</h1><Content /></body></html>\n`,
  );
}

interface SizeResult {
  tasks: number;
  steps: (Run & { name: string })[];
  bare: Run;
}

async function benchmark(taskCount: number): Promise<SizeResult> {
  const content = join(work, 'content');
  console.log(`\n${taskCount} tasks: generating the synthetic district…`);
  await writeSyntheticDistrict(content, taskCount);
  const out = join(work, 'duban-out');
  const cache = join(work, 'duban-cache');
  const env = { DUBAN_CONTENT_DIR: content, DUBAN_OUT_DIR: out, DUBAN_CACHE_DIR: cache, DUBAN_AS_OF: '2026-11-23' };
  const bareDir = join(work, 'bare');
  const ours: SizeResult['steps'][] = [];
  const bares: Run[] = [];
  for (let round = 1; round <= rounds; round++) {
    const of = rounds > 1 ? `, round ${round} of ${rounds}` : '';
    await rm(out, { recursive: true, force: true });
    await rm(cache, { recursive: true, force: true }); // cold, like the bare site's first build
    const steps: SizeResult['steps'] = [];
    for (const step of buildSteps(out)) {
      console.log(`${taskCount} tasks: ${step.name}${of}…`);
      steps.push({ name: step.name, ...(await measure(process.execPath, nodeArguments(step), root, env)) });
    }
    ours.push(steps);
    console.log(`${taskCount} tasks: the bare Astro site${of}…`);
    await writeBareSite(bareDir, content + '/tasks');
    bares.push(await measure(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent'], bareDir, {}));
  }
  const medianRun = (runs: Run[]): Run => ({ seconds: median(runs.map((r) => r.seconds)), peakMiB: median(runs.map((r) => r.peakMiB)) });
  const steps = ours[0]!.map((step, i) => ({ name: step.name, ...medianRun(ours.map((round) => round[i]!)) }));
  return { tasks: taskCount, steps, bare: medianRun(bares) };
}

const results: SizeResult[] = [];
for (const size of sizes) results.push(await benchmark(size));

const seconds = (r: SizeResult, upTo = r.steps.length) => r.steps.slice(0, upTo).reduce((s, step) => s + step.seconds, 0);
const peak = (r: SizeResult) => Math.max(...r.steps.map((s) => s.peakMiB));
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
console.log(
  `\nBuild benchmark, ${(await import('node:os')).cpus().length} cores, ${rounds === 1 ? 'one round' : `median of ${rounds} rounds`} (seconds; peak memory in MiB of the step and its children)\n`,
);
const names = results[0]!.steps.map((s) => s.name);
console.log(`| tasks | ${names.join(' | ')} | build + index | whole build | peak MiB | bare Astro | Astro ÷ bare | build + index ÷ bare |`);
console.log(`|---:|${names.map(() => '---:|').join('')}---:|---:|---:|---:|---:|---:|`);
for (const r of results) {
  const index = seconds(r, 2);
  console.log(
    `| ${r.tasks} | ${r.steps.map((s) => `${s.seconds.toFixed(1)} (${s.peakMiB.toFixed(0)})`).join(' | ')} | ${index.toFixed(1)} | ${seconds(r).toFixed(1)} | ${peak(r).toFixed(0)} | ${r.bare.seconds.toFixed(1)} (${r.bare.peakMiB.toFixed(0)}) | ${(r.steps[0]!.seconds / r.bare.seconds).toFixed(2)} × | ${(index / r.bare.seconds).toFixed(2)} × |`,
  );
}
const goal = results.find((r) => r.tasks === 10_000);
if (goal) {
  const index = seconds(goal, 2);
  console.log(
    `\nAt 10,000 tasks: build + index ${index.toFixed(1)} s against ≤ 40 s, ${verdict(index <= 40)} (whole build with precompression ${seconds(goal).toFixed(1)} s)`,
  );
  console.log(`Peak memory ${(peak(goal) / 1024).toFixed(2)} GiB against ≤ 1.5 GB, ${verdict(peak(goal) <= 1536)}`);
  console.log(
    `Astro build ÷ bare Astro build: ${(goal.steps[0]!.seconds / goal.bare.seconds).toFixed(2)} × against ≤ 1.5 ×, ${verdict(goal.steps[0]!.seconds / goal.bare.seconds <= 1.5)}; build + index ÷ bare ${(index / goal.bare.seconds).toFixed(2)} ×`,
  );
}
if (results.length > 1) {
  const exponent = (cost: (r: SizeResult) => number) => scalingExponent(results.map((r) => ({ size: r.tasks, cost: cost(r) }))).toFixed(2);
  console.log(`\nGrowth with the number of tasks (cost ≈ a · tasks^b; b = 1 is linear):`);
  for (const [i, name] of names.entries())
    console.log(`- ${name}: time b = ${exponent((r) => r.steps[i]!.seconds)}, memory b = ${exponent((r) => r.steps[i]!.peakMiB)}`);
  console.log(`- whole build: time b = ${exponent((r) => seconds(r))}, peak memory b = ${exponent(peak)}`);
  console.log(`- bare Astro build: time b = ${exponent((r) => r.bare.seconds)}, memory b = ${exponent((r) => r.bare.peakMiB)}`);
}
