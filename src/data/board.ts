/**
 * Reads the content collections once per build and hands pages a checked, evaluated board.
 * The only module that touches `astro:content`; everything it computes comes from `src/lib/`.
 */
import { getCollection } from 'astro:content';
import { isIsoDate, today, type IsoDate } from '../lib/calendar/dates.ts';
import { describeProblems, findReferenceProblems } from '../lib/content/references.ts';
import type { AssessmentData, CategoryData, LedgerData, Settings, UnitData } from '../lib/content/schemas.ts';
import { evaluateTasks } from '../lib/tasks/evaluate.ts';
import { compareCodes } from '../lib/tasks/board.ts';
import type { EvaluatedTask, TaskRecord } from '../lib/tasks/types.ts';
import { nodesOf, type Node } from '../lib/scoring/timeliness.ts';

export interface Named<T> {
  id: string;
  data: T;
}

export interface Board {
  asOf: IsoDate;
  settings: Settings;
  tasks: EvaluatedTask[];
  taskByCode: Map<string, EvaluatedTask>;
  units: Named<UnitData>[];
  unitById: Map<string, UnitData>;
  ledgers: Named<LedgerData>[];
  ledgerById: Map<string, LedgerData>;
  categories: Named<CategoryData>[];
  categoryById: Map<string, CategoryData>;
  assessments: AssessmentData[];
  nodes: Node[];
}

let cached: Promise<Board> | undefined;

/** The board for this build; loaded and checked once, shared by every page. */
export function loadBoard(): Promise<Board> {
  cached ??= load();
  return cached;
}

const byOrder = <T extends { order: number }>(a: Named<T>, b: Named<T>) => a.data.order - b.data.order || a.id.localeCompare(b.id);

async function load(): Promise<Board> {
  const [taskEntries, unitEntries, ledgerEntries, categoryEntries, assessmentEntries, settingsEntries] = await Promise.all([
    getCollection('tasks'),
    getCollection('units'),
    getCollection('ledgers'),
    getCollection('categories'),
    getCollection('assessments'),
    getCollection('settings'),
  ]);
  const settings = settingsEntries.find((e) => e.id === 'site')?.data as Settings | undefined;
  if (!settings) throw new Error('缺少站点设置文件 content/settings/site.yml');

  const records = taskEntries.map((e) => ({ ...(e.data as TaskRecord), code: e.id, file: e.filePath ?? e.id }));
  const units = unitEntries.map((e) => ({ id: e.id, data: e.data as UnitData })).sort(byOrder);
  const ledgers = ledgerEntries.map((e) => ({ id: e.id, data: e.data as LedgerData })).sort(byOrder);
  const categories = categoryEntries.map((e) => ({ id: e.id, data: e.data as CategoryData })).sort(byOrder);
  const assessments = assessmentEntries.map((e) => ({ ...(e.data as AssessmentData), file: e.filePath ?? e.id }));

  const problems = findReferenceProblems({
    tasks: records,
    assessments,
    unitIds: new Set(units.map((u) => u.id)),
    ledgerIds: new Set(ledgers.map((l) => l.id)),
    categoryIds: new Set(categories.map((c) => c.id)),
  });
  if (problems.length > 0) throw new Error(describeProblems(problems));

  const asOf = process.env.DUBAN_AS_OF || settings.asOf || today();
  if (!isIsoDate(asOf)) throw new Error(`DUBAN_AS_OF 应为日期，格式 YYYY-MM-DD，例如 2026-11-23；实际为「${asOf}」`);
  const tasks = evaluateTasks(
    records.sort((a, b) => compareCodes(a.code, b.code)),
    asOf,
    settings.warnings,
  );
  return {
    asOf,
    settings,
    tasks,
    taskByCode: new Map(tasks.map((t) => [t.code, t])),
    units,
    unitById: new Map(units.map((u) => [u.id, u.data])),
    ledgers,
    ledgerById: new Map(ledgers.map((l) => [l.id, l.data])),
    categories,
    categoryById: new Map(categories.map((c) => [c.id, c.data])),
    assessments: assessments.sort((a, b) => a.month.localeCompare(b.month)),
    nodes: nodesOf(tasks),
  };
}
