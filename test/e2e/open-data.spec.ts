import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { exportedTasks } from './helpers';

test('the CSV opens in Excel (UTF-8 with BOM) and matches the JSON row for row', async ({ request }) => {
  const response = await request.get('/data/tasks.csv');
  expect(response.headers()['content-type']).toContain('text/csv');
  const bytes = await response.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows: string[][] = parse(bytes.toString('utf8'), { bom: true });
  const json = exportedTasks();
  expect(rows[0]!.slice(0, 3)).toEqual(['任务编号', '任务名称', '所属总任务']);
  expect(rows.length - 1).toBe(json.count);
  expect(rows.slice(1).map((r) => r[0])).toEqual(json.tasks.map((t) => t.code));
});

test('every task in the open data has its page, with the same warning', async ({ request }) => {
  const { tasks, asOf } = exportedTasks();
  expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  for (const task of tasks.slice(0, 15)) {
    const html = await (await request.get(`/tasks/${task.code}/`)).text();
    expect(html).toContain(task.title);
  }
  const colours = new Set(tasks.map((t) => t.warning));
  expect([...colours].sort()).toEqual(['done', 'green', 'red', 'yellow']);
  expect(new Set(tasks.map((t) => t.status)).size).toBe(4);
});
