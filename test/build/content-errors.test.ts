/**
 * A bad content file must stop the real build with a message an editor can act on alone:
 * the file, the field and what was expected. Builds a copy of the sample content with one fault.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const work = await mkdtemp(join(root, 'node_modules', '.duban-content-'));

async function buildWithFault(name: string, file: string, edit: (text: string) => string): Promise<string> {
  const dir = join(work, name);
  await cp(join(root, 'content'), dir, { recursive: true });
  const path = join(dir, file);
  await writeFile(path, edit(await readFile(path, 'utf8')));
  try {
    await run(join(root, 'node_modules', '.bin', 'astro'), ['build'], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '1', DUBAN_CONTENT_DIR: dir, DUBAN_OUT_DIR: join(work, `${name}-out`), DUBAN_AS_OF: '2026-11-23' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stdout: string; stderr: string };
    return stripVTControlCharacters(`${e.stdout}\n${e.stderr}`); // as a person reads it, without colour codes
  }
  throw new Error('the build succeeded with a faulty file');
}

afterAll(() => rm(work, { recursive: true, force: true }));

describe('a faulty content file fails the build', { timeout: 180_000 }, () => {
  it('names the file, the field and the expected date form', async () => {
    const output = await buildWithFault('bad-date', 'tasks/ND-2026-001-01.md', (t) => t.replace(/^deadline: .*$/m, 'deadline: 2026/12/31'));
    expect(output).toContain('tasks/ND-2026-001-01.md');
    expect(output).toContain('deadline: 截止日期应为日期，格式 YYYY-MM-DD');
  });

  it('names the file and field of an unknown unit id', async () => {
    const output = await buildWithFault('bad-unit', 'tasks/ND-2026-001-02.md', (t) => t.replace(/^leadUnit: .*$/m, 'leadUnit: no-such-unit'));
    expect(output).toContain('tasks/ND-2026-001-02.md');
    expect(output).toContain('字段 leadUnit：找不到单位「no-such-unit」');
  });

  it('names the file and field of a case with an unknown unit and a bulletin without its number', async () => {
    const unknownUnit = await buildWithFault('bad-case', 'exposures/e-2026-001.md', (t) => t.replace('  - lanxi-street', '  - no-such-street'));
    expect(unknownUnit).toContain('exposures/e-2026-001.md');
    expect(unknownUnit).toContain('字段 units[0]：找不到单位「no-such-street」');
    const noNumber = await buildWithFault('bad-bulletin', 'bulletins/db-2026-10.md', (t) => t.replace(/^number: .*\n/m, ''));
    expect(noNumber).toContain('bulletins/db-2026-10.md');
    expect(noNumber).toContain('number: 应填写通报文号');
  });

  it('names the file and field of a 回头看 of a task not yet signed off', async () => {
    // s-2026-013 rechecks XC-2026-003 (signed off on 2026-09-11); point it at a task still under way.
    const output = await buildWithFault('bad-recheck', 'supervision/s-2026-013.md', (t) => t.replace('  task: XC-2026-003', '  task: XC-2026-002'));
    expect(output).toContain('supervision/s-2026-013.md');
    expect(output).toContain('字段 recheck.task：任务「XC-2026-002」在 2026-11-10 时尚未销号：回头看复查的应是已销号的任务');
  });
});
