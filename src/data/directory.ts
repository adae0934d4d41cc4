/**
 * What the on-demand pages (messages, Open311, the console) know of the content: the units and each
 * task's title and lead unit. The build writes it beside the pages it built (/data/directory.json,
 * src/pages/data/directory.json.ts) and the server reads it from there, once per build it serves, so
 * the server bundle carries no content store: at province scale that store is tens of megabytes, which
 * the server would parse at start and again at every rebuild it switches to (decision 022).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Board } from './board.ts';

export interface DirectoryTask {
  code: string;
  title: string;
  leadUnit: string;
}

export interface DirectoryUnit {
  id: string;
  name: string;
  shortName: string;
}

export interface Directory {
  /** In the content's order. */
  units: DirectoryUnit[];
  unitById: Map<string, DirectoryUnit>;
  /** In code order. */
  tasks: DirectoryTask[];
  taskByCode: Map<string, DirectoryTask>;
}

/** The file's form: units as objects, tasks as [code, title, lead unit] (10,000 tasks in about 600 KB). */
export interface DirectoryFile {
  units: DirectoryUnit[];
  tasks: [code: string, title: string, leadUnit: string][];
}

export const DIRECTORY_PATH = '/data/directory.json';

export function directoryFile(board: Pick<Board, 'units' | 'tasks'>): DirectoryFile {
  return {
    units: board.units.map((u) => ({ id: u.id, name: u.data.name, shortName: u.data.shortName })),
    tasks: board.tasks.map((t) => [t.code, t.title, t.leadUnit]),
  };
}

export function directoryOf(file: DirectoryFile): Directory {
  const tasks = file.tasks.map(([code, title, leadUnit]) => ({ code, title, leadUnit }));
  return { units: file.units, unitById: new Map(file.units.map((u) => [u.id, u])), tasks, taskByCode: new Map(tasks.map((t) => [t.code, t])) };
}

/**
 * The built site's folder: the server bundle lives in its server/ folder (server/entry.mjs,
 * server/chunks/…), the pages in client/ beside it, wherever the build folder has been moved.
 */
export function builtClientFolder(moduleUrl: string): string | undefined {
  for (let dir = dirname(fileURLToPath(moduleUrl)); dir !== dirname(dir); dir = dirname(dir))
    if (basename(dir) === 'server' && existsSync(join(dir, '..', 'client'))) return join(dir, '..', 'client');
  return undefined;
}

let loaded: Promise<Directory> | undefined;

/** The directory of the build this bundle belongs to (under `astro dev`, made from the content). */
export function loadDirectory(): Promise<Directory> {
  loaded ??= (async () => {
    if (import.meta.env.DEV) return directoryOf(directoryFile(await (await import('./board.ts')).loadBoard()));
    const client = builtClientFolder(import.meta.url);
    const file = client && join(client, DIRECTORY_PATH);
    if (!file || !existsSync(file)) throw new Error(`找不到本次构建的内容目录 ${DIRECTORY_PATH}（应在构建目录的 client/ 下）：请重新运行 npm run build`);
    return directoryOf(JSON.parse(readFileSync(file, 'utf8')) as DirectoryFile);
  })();
  return loaded;
}
