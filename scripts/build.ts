/**
 * npm run build: the site into dist/ (or DUBAN_OUT_DIR), in the steps every build takes, whoever runs
 * it (an operator, or the server rebuilding itself: src/server/site-builds/rebuilder.ts):
 *
 * 1–3. the steps of scripts/build-steps.ts: `astro build` (static pages into client/, the server bundle
 *    into server/), Pagefind over the content pages of client/, scripts/precompress.ts (Brotli and gzip copies);
 * 4. build.json, the build's stamp (when, which version and commit, the day the board is computed for),
 *    written last and whole: a folder without it is a build that did not finish.
 *
 * Each step runs on this Node (not whatever `node` is first on the PATH); the first that fails stops the
 * build with its exit code.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { boardDay, loadDistrictRules } from '../src/data/district-rules.ts';
import { STAMP_FILE, type BuildStamp } from '../src/server/site-builds/folders.ts';
import { pagesPerPartSetting } from '../src/lib/search/index-parts.ts';
import { buildSteps, howItEnded, nodeArguments, type BuildStep } from './build-steps.ts';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, process.env.DUBAN_OUT_DIR ?? 'dist');

function run(step: BuildStep): void {
  const started = performance.now();
  const result = spawnSync(process.execPath, nodeArguments(step), { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n构建失败：${step.name}${howItEnded(result.status, result.signal)}`);
    process.exit(result.status ?? 1);
  }
  console.log(`${step.name}：用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
}

function commitOf(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
}

// Settings a later step reads are checked before the first: a bad one should not cost an Astro build first.
try {
  pagesPerPartSetting(process.env.DUBAN_SEARCH_PART_PAGES);
} catch (error) {
  console.error(`构建失败：${(error as Error).message}`);
  process.exit(2);
}
rmSync(join(out, STAMP_FILE), { force: true });
for (const step of buildSteps(out)) run(step);

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const day = boardDay(loadDistrictRules().settings);
const stamp: BuildStamp = { builtAt: new Date().toISOString(), version, commit: commitOf(), asOf: day.asOf, asOfFixed: day.fixed };
writeFileSync(join(out, `${STAMP_FILE}.tmp`), `${JSON.stringify(stamp, null, 2)}\n`);
renameSync(join(out, `${STAMP_FILE}.tmp`), join(out, STAMP_FILE));
console.log(`构建完成：${out}（数据截至 ${stamp.asOf}）`);
