import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { builtClientFolder, directoryFile, directoryOf } from './directory.ts';

describe('the directory the on-demand pages read', () => {
  const root = mkdtempSync(join(tmpdir(), 'duban-directory-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is found beside the server bundle that asks, from its entry or from a chunk, wherever the build folder was moved', () => {
    for (const build of ['dist', 'builds/20261123-0230', 'a path with 空格/server-side']) {
      mkdirSync(join(root, build, 'server', 'chunks'), { recursive: true });
      mkdirSync(join(root, build, 'client', 'data'), { recursive: true });
      expect(builtClientFolder(pathToFileURL(join(root, build, 'server', 'chunks', 'directory_x1.mjs')).href)).toBe(join(root, build, 'client'));
      expect(builtClientFolder(pathToFileURL(join(root, build, 'server', 'entry.mjs')).href)).toBe(join(root, build, 'client'));
    }
  });

  it('is not found from source files or a server folder without built pages beside it', () => {
    mkdirSync(join(root, 'half', 'server'), { recursive: true });
    expect(builtClientFolder(pathToFileURL(join(root, 'half', 'server', 'entry.mjs')).href)).toBeUndefined();
    expect(builtClientFolder(pathToFileURL(join(root, 'src', 'data', 'directory.ts')).href)).toBeUndefined();
  });

  it('keeps every unit and task, in order, through its file form', () => {
    const board = {
      units: [
        { id: 'housing', data: { name: '望澜区住房和城乡建设局', shortName: '区住建局', kind: 'department' as const, order: 1 } },
        { id: 'water', data: { name: '望澜区水务局', shortName: '区水务局', kind: 'department' as const, order: 2 } },
      ],
      tasks: [
        { code: 'WL-2026-002', title: '城西「雨污分流」改造', leadUnit: 'water' },
        { code: 'WL-2026-010', title: '老旧小区加装电梯', leadUnit: 'housing' },
      ],
    } as unknown as Parameters<typeof directoryFile>[0];
    const directory = directoryOf(JSON.parse(JSON.stringify(directoryFile(board))));
    expect(directory.units.map((u) => u.id)).toEqual(['housing', 'water']);
    expect(directory.unitById.get('water')?.name).toBe('望澜区水务局');
    expect(directory.taskByCode.get('WL-2026-002')).toEqual({ code: 'WL-2026-002', title: '城西「雨污分流」改造', leadUnit: 'water' });
    expect(directory.tasks.map((t) => t.code)).toEqual(['WL-2026-002', 'WL-2026-010']);
  });
});
