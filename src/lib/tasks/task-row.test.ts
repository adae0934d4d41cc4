import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateTasks } from './evaluate.ts';
import { taskIndexRow } from './task-index.ts';
import { taskRowHtml } from './task-row.ts';
import { defaultWarnings, makeTask } from './test-helpers.ts';

const rowOf = (overrides: Parameters<typeof makeTask>[0], asOf = '2026-11-23') =>
  taskIndexRow(evaluateTasks([makeTask(overrides)], asOf, defaultWarnings)[0]!, '区住建局');
/** The text a reader (or a screen reader) gets from each cell, tags dropped and entities read. */
const cellTexts = (html: string) =>
  [...html.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) =>
    m[1]!
      .replace(/<br>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  );

describe('a task table row', () => {
  it('reads, cell by cell, code, title, lead unit, deadline, progress, status (with a late update) and colour in words', () => {
    // Past its deadline with no progress reported: red, and the update is overdue (更新滞后).
    const html = taskRowHtml(rowOf({ code: 'WL-2026-007', title: '城西片区雨污分流改造', deadline: '2026-11-20' }));
    expect(cellTexts(html)).toEqual(['WL-2026-007', '城西片区雨污分流改造', '区住建局', '2026-11-20', '0%', '推进中 更新滞后', '红色·逾期']);
    expect(html).toContain('<tr class="row-red">');
    expect(html).toContain('<a href="/tasks/WL-2026-007/">');
    expect(html).toContain('<td data-label="牵头单位">');
  });

  it('says a sub-task is one, and on a unit page names the unit’s part in place of the lead unit', () => {
    const html = taskRowHtml(rowOf({ code: 'WL-2026-007-01', parent: 'WL-2026-007' }), { header: '本单位职责', text: '配合' });
    expect(cellTexts(html)[1]).toMatch(/（子任务）$/);
    expect(cellTexts(html)[2]).toBe('配合');
    expect(html).toContain('<td data-label="本单位职责">');
  });

  it('shows any title as text, whatever characters it holds, and nothing in it becomes markup', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '/', 'a', 's', '＜', '　', '道', '路', ' ', '=') }), (title) => {
        const html = taskRowHtml([...rowOf({}).slice(0, 1), title, ...rowOf({}).slice(2)] as ReturnType<typeof rowOf>);
        expect(cellTexts(html)[1]).toBe(title);
        expect(html.match(/<[a-z]/g)?.length).toBe(taskRowHtml(rowOf({ title: 'x' })).match(/<[a-z]/g)?.length);
      }),
    );
  });
});
