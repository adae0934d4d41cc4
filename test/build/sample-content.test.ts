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
import { settingsSchema, supervisionSchema, taskSchema } from '../../src/lib/content/schemas.ts';
import { evaluateTasks } from '../../src/lib/tasks/evaluate.ts';
import type { TaskRecord } from '../../src/lib/tasks/types.ts';
import { addDays } from '../../src/lib/calendar/dates.ts';

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

describe('the sample supervision records agree with their tasks', () => {
  const tasks: TaskRecord[] = filesOf('tasks').map((file) => ({
    ...taskSchema.parse(frontMatter(join(content, 'tasks', file))),
    code: file.replace(/\.md$/, ''),
  }));
  const records = filesOf('supervision').map((file) => ({ file, ...supervisionSchema.parse(frontMatter(join(content, 'supervision', file))) }));
  const warnings = settingsSchema.parse(parse(readFileSync(join(content, 'settings', 'site.yml'), 'utf8'))).warnings;
  const asOf = (day: string) => new Map(evaluateTasks(tasks, day, warnings).map((t) => [t.code, t]));

  it('remind of tasks still unfinished on the day the reminder went out, within the warning window', () => {
    const problems = records
      .filter((r) => r.kind === 'reminder')
      .flatMap((r) => {
        const board = asOf(r.date);
        return r.tasks.flatMap((code) => {
          const task = board.get(code)!;
          if (task.status === 'completed' || task.status === 'signed_off') return [`${r.file}: ${code} was finished by ${r.date}`];
          const dates = [task.deadline, ...task.visibleMilestones.filter((m) => !m.done).map((m) => m.due)];
          return dates.some((d) => d >= r.date && d <= addDays(r.date, warnings.deadlineYellowDays))
            ? []
            : [`${r.file}: nothing of ${code} falls due soon after ${r.date}`];
        });
      });
    expect(problems).toEqual([]);
  });

  it('order and escalate only work not finished when the record was issued, and escalate to someone other than the task’s own leader', () => {
    const problems = records
      .filter((r) => r.kind === 'order' || r.kind === 'escalation')
      .flatMap((r) => {
        const board = asOf(r.date);
        return r.tasks.flatMap((code) => {
          const task = board.get(code)!;
          const finished = task.status === 'signed_off' ? [`${r.file}: ${code} was signed off by ${r.date}`] : [];
          const sameLeader = r.leader && r.leader.name === task.leadLeader.name ? [`${r.file}: escalated to ${code}'s own leader`] : [];
          return [...finished, ...sameLeader];
        });
      });
    expect(problems).toEqual([]);
  });
});
