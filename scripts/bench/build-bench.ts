/**
 * npm run bench:build [-- --tasks 10000]
 *
 * Builds a synthetic district with duban (astro build + pagefind) and, in the same run, a bare Astro
 * site of the same Markdown with a minimal layout; prints time and peak memory of both beside the goals
 * (≤ 40 s, ≤ 1.5 GB, ≤ 1.5 × the bare build). Goals are reported, never asserted.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeSyntheticDistrict } from './synthetic-district.ts';

const root = resolve(import.meta.dirname, '..', '..');
const work = join(root, '.bench');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const { values } = parseArgs({ options: { tasks: { type: 'string', default: '10000' } } });
const taskCount = Number(values.tasks);

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

const content = join(work, 'content');
console.log(`Generating a synthetic district of ${taskCount} tasks…`);
await writeSyntheticDistrict(content, taskCount);
const out = join(work, 'duban-out');
const cache = join(work, 'duban-cache');
await rm(out, { recursive: true, force: true });
await rm(cache, { recursive: true, force: true }); // cold, like the bare site's first build
const env = { DUBAN_CONTENT_DIR: content, DUBAN_OUT_DIR: out, DUBAN_CACHE_DIR: cache, DUBAN_AS_OF: '2026-11-23' };

console.log('Building with duban…');
const build = await measure(bin('astro'), ['build', '--silent'], root, env);
console.log('Indexing with Pagefind…');
const index = await measure(bin('pagefind'), ['--site', join(out, 'client'), '--silent'], root, {});
const pages = (await readdir(join(out, 'client', 'tasks'))).length;

console.log('Building the bare Astro site…');
const bareDir = join(work, 'bare');
await writeBareSite(bareDir, content + '/tasks');
const bare = await measure(bin('astro'), ['build', '--silent'], bareDir, {});

const total = build.seconds + index.seconds;
const peak = Math.max(build.peakMiB, index.peakMiB);
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
const rows = [
  ['duban astro build', build.seconds, build.peakMiB],
  ['duban pagefind index', index.seconds, index.peakMiB],
  ['duban build + index', total, peak],
  ['bare Astro build (baseline)', bare.seconds, bare.peakMiB],
] as const;
console.log(`\nBuild benchmark: ${taskCount} tasks (${pages} entries under /tasks/), ${(await import('node:os')).cpus().length} cores\n`);
console.log('| run | seconds | peak memory (MiB) |\n|---|---:|---:|');
for (const [name, s, m] of rows) console.log(`| ${name} | ${s.toFixed(1)} | ${m.toFixed(0)} |`);
console.log(`\nGoal ≤ 40 s for build + index: ${total.toFixed(1)} s, ${verdict(total <= 40)}`);
console.log(`Goal ≤ 1.5 GB peak memory: ${(peak / 1024).toFixed(2)} GiB, ${verdict(peak <= 1536)}`);
console.log(
  `Goal ≤ 1.5 × the bare build: build alone ${(build.seconds / bare.seconds).toFixed(2)} ×, build + index ${(total / bare.seconds).toFixed(2)} ×, ${verdict(total / bare.seconds <= 1.5)}`,
);
