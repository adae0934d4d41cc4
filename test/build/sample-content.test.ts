/**
 * The demo's sample content holds together, as a reader checks it: progress updates agree with the
 * milestones, each bulletin series runs from 第1期 without gaps, and the examples the message form gives
 * exist. Reads content/ directly (no build).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { updateProblems, type StagedTask } from '../../src/lib/tasks/update-consistency.ts';
import { parseBulletinNumber, seriesOfYear } from '../../src/lib/bulletins/numbering.ts';

const content = join(import.meta.dirname, '..', '..', 'content');
const frontMatter = (file: string): Record<string, unknown> => parse(readFileSync(file, 'utf8').split(/^---$/m)[1]!) as Record<string, unknown>;
const filesOf = (dir: string) => readdirSync(join(content, dir)).filter((f) => f.endsWith('.md'));
const asText = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

describe('the sample content', () => {
  it('has progress updates that agree with each task’s milestones', () => {
    const problems = filesOf('tasks').flatMap((file) => {
      const data = frontMatter(join(content, 'tasks', file));
      const task: StagedTask = {
        milestones: ((data.milestones ?? []) as { name: string; due: unknown; done?: unknown }[]).map((m) => ({
          name: m.name,
          due: asText(m.due),
          done: m.done === undefined ? undefined : asText(m.done),
        })),
        updates: ((data.updates ?? []) as { date: unknown; text: string }[]).map((u) => ({ date: asText(u.date), text: u.text })),
      };
      return updateProblems(task).map((p) => `${file}: ${p}`);
    });
    expect(problems).toEqual([]);
  });

  it('numbers each bulletin series from 第1期 without gaps', () => {
    const numbers = filesOf('bulletins').map((file) => String(frontMatter(join(content, 'bulletins', file)).number));
    for (const number of numbers) expect(parseBulletinNumber(number), number).not.toBeNull();
    const years = [...new Set(numbers.map((n) => parseBulletinNumber(n)!.year))];
    for (const year of years) for (const series of seriesOfYear(numbers, year)) expect(series.missing, `${year} ${series.series}`).toEqual([]);
  });
});

describe('the sample supervision records', () => {
  const records = filesOf('supervision').map((file) => frontMatter(join(content, 'supervision', file)));

  it('number at least 20, with every kind among them, and a 回头看 that finds a problem back', () => {
    expect(records.length).toBeGreaterThanOrEqual(20);
    expect(new Set(records.map((r) => r.kind))).toEqual(new Set(['reminder', 'order', 'escalation', 'recheck']));
    expect(records.some((r) => (r.recheck as { finding?: string } | undefined)?.finding === 'relapsed')).toBe(true);
  });

  it('number each series without repeating a number', () => {
    const numbers = records.map((r) => String(r.number));
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});
