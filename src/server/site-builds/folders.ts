/**
 * The built sites on disk. `npm run build` writes dist/ (or DUBAN_OUT_DIR); the server's own rebuilds
 * (rebuilder.ts) write one folder each under DUBAN_BUILDS_DIR (by default `builds` beside dist/, so ./builds). A build is whole once its stamp,
 * build.json, is written, the last step of scripts/build.ts; a folder without one is a build that failed or
 * is still running, and is never served. At start the server serves the newest whole build of them all.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

export const STAMP_FILE = 'build.json';

/** A build's stamp: when it was made, from which version and commit, and the day its board is computed for. */
export interface BuildStamp {
  builtAt: string;
  version: string;
  commit: string | null;
  /** 数据截至日期: the day every status and colour of the board was computed for. */
  asOf: string;
  /** Whether that day was fixed (DUBAN_AS_OF or `asOf` in the settings) rather than taken from the clock. */
  asOfFixed: boolean;
}

export interface BuildFolder {
  dir: string;
  /** None for a folder made by `astro build` alone, without scripts/build.ts. */
  stamp: BuildStamp | null;
}

export const serverEntryOf = (dir: string) => join(dir, 'server', 'entry.mjs');

function isStamp(value: unknown): value is BuildStamp {
  const v = value as Partial<BuildStamp> | null;
  return typeof v === 'object' && v !== null && typeof v.builtAt === 'string' && !Number.isNaN(Date.parse(v.builtAt)) && typeof v.asOf === 'string';
}

export function readStamp(dir: string): BuildStamp | null {
  try {
    const value: unknown = JSON.parse(readFileSync(join(dir, STAMP_FILE), 'utf8'));
    return isStamp(value) ? { ...value, commit: value.commit ?? null, asOfFixed: value.asOfFixed === true } : null;
  } catch {
    return null;
  }
}

/** A rebuild folder's name (rebuildFolderName); nothing else in the folder is ever listed or removed. */
const REBUILD_NAME = /^\d{8}-\d{6}-(?:daily|hook|signal|start)$/;

/** The folders of the server's rebuilds, whole or not, oldest first (their names start with the time). */
export function rebuildFolders(buildsDir: string): string[] {
  if (!existsSync(buildsDir)) return [];
  return readdirSync(buildsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && REBUILD_NAME.test(entry.name))
    .map((entry) => join(buildsDir, entry.name))
    .sort();
}

const madeAt = (folder: BuildFolder) => (folder.stamp ? Date.parse(folder.stamp.builtAt) : statSync(serverEntryOf(folder.dir)).mtimeMs);

/**
 * The builds that may be served at start, newest first: the operator's folder (even without a stamp, as
 * before rebuilds existed) and the server's whole rebuilds (only with a stamp).
 */
export function servableBuilds(operatorDir: string, buildsDir: string): BuildFolder[] {
  const candidates: BuildFolder[] = [];
  if (existsSync(serverEntryOf(operatorDir))) candidates.push({ dir: operatorDir, stamp: readStamp(operatorDir) });
  for (const dir of rebuildFolders(buildsDir)) {
    const stamp = readStamp(dir);
    if (stamp && existsSync(serverEntryOf(dir))) candidates.push({ dir, stamp });
  }
  return candidates
    .map((folder) => ({ folder, at: madeAt(folder) }))
    .sort((a, b) => b.at - a.at)
    .map(({ folder }) => folder);
}

/**
 * What is wrong with `buildsDir` for rebuilds, or null. Old rebuilds are removed from it, so it must be a folder of
 * its own: not the project, a folder above it, the operator's build or the data folder (`refuse`: the server does
 * not start). It must also be inside the project, where a build's server code finds its packages; outside, the site
 * is served but cannot be rebuilt (`warn`).
 */
export function buildsDirProblem(
  buildsDir: string,
  { root, operatorDir, dataDir }: { root: string; operatorDir: string; dataDir: string },
): { refuse: boolean; message: string } | null {
  const inside = (dir: string, parent: string) => dir === parent || dir.startsWith(`${parent}${sep}`);
  const named = `DUBAN_BUILDS_DIR（${buildsDir}）`;
  if (inside(root, buildsDir)) return { refuse: true, message: `${named}不能是项目目录或其上级目录` };
  if (inside(buildsDir, operatorDir) || inside(operatorDir, buildsDir)) return { refuse: true, message: `${named}不能与构建目录 ${operatorDir} 重叠` };
  if (inside(buildsDir, dataDir) || inside(dataDir, buildsDir)) return { refuse: true, message: `${named}不能与数据目录 ${dataDir} 重叠` };
  if (!inside(buildsDir, root)) return { refuse: false, message: `${named}应在项目目录 ${root} 之内` };
  return null;
}
/** A new rebuild folder's name: the time in China (sortable) and what asked for it, e.g. 20261129-000105-daily. */
export function rebuildFolderName(now: Date, trigger: string): string {
  const china = new Date(now.getTime() + 8 * 3_600_000).toISOString();
  return `${china.slice(0, 10).replaceAll('-', '')}-${china.slice(11, 19).replaceAll(':', '')}-${trigger}`;
}

/** Removes every rebuild folder but those in `keep` (the build being served and the one before it). */
export function pruneRebuilds(buildsDir: string, keep: readonly string[]): string[] {
  const removed: string[] = [];
  for (const dir of rebuildFolders(buildsDir)) {
    if (keep.includes(dir)) continue;
    rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}
