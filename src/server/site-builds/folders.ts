/**
 * The built sites on disk. `npm run build` writes dist/ (or DUBAN_OUT_DIR); the server's own rebuilds
 * (rebuilder.ts) write one folder each under DUBAN_BUILDS_DIR (by default `builds` beside dist/, so ./builds). A build is whole once its stamp,
 * build.json, is written, the last step of scripts/build.ts; a folder without one is a build that failed or
 * is still running, and is never served. At start the server serves the newest whole build of them all.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

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

/** The folders of the server's rebuilds, whole or not, oldest first (their names start with the time). */
export function rebuildFolders(buildsDir: string): string[] {
  if (!existsSync(buildsDir)) return [];
  return readdirSync(buildsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(buildsDir, entry.name))
    .sort();
}

const madeAt = (folder: BuildFolder) => (folder.stamp ? Date.parse(folder.stamp.builtAt) : statSync(serverEntryOf(folder.dir)).mtimeMs);

/**
 * The build to serve at start: the newest whole one among the operator's folder (served even without a
 * stamp, as before rebuilds existed) and the server's rebuilds (only with a stamp). Null when there is none.
 */
export function newestBuild(operatorDir: string, buildsDir: string): BuildFolder | null {
  const candidates: BuildFolder[] = [];
  if (existsSync(serverEntryOf(operatorDir))) candidates.push({ dir: operatorDir, stamp: readStamp(operatorDir) });
  for (const dir of rebuildFolders(buildsDir)) {
    const stamp = readStamp(dir);
    if (stamp && existsSync(serverEntryOf(dir))) candidates.push({ dir, stamp });
  }
  return candidates.reduce<BuildFolder | null>((best, folder) => (!best || madeAt(folder) > madeAt(best) ? folder : best), null);
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
