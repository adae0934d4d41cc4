/**
 * Reads the content collections once per build and hands pages a checked, evaluated board.
 * The only module that touches `astro:content`; everything it computes comes from `src/lib/`.
 */
import { getCollection } from 'astro:content';
import type { IsoDate } from '../lib/calendar/dates.ts';
import { describeProblems, findReferenceProblems } from '../lib/content/references.ts';
import type { AssessmentData, CategoryData, LedgerData, Settings, UnitData } from '../lib/content/schemas.ts';
import type { DistrictRules } from './district-rules.ts';
import { siteFrame } from './site-frame.ts';
import { evaluateTasks } from '../lib/tasks/evaluate.ts';
import { compareCodes, unitsOf } from '../lib/tasks/board.ts';
import type { EvaluatedTask, TaskRecord } from '../lib/tasks/types.ts';
import { nodesOf, type Node } from '../lib/scoring/timeliness.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateCases, interviewFlags, type CaseRecord, type EvaluatedCase, type InterviewFlag } from '../lib/exposures/cases.ts';
import { buildBacklinks, type Backlinks, type BulletinRecord } from '../lib/content/backlinks.ts';
import { evaluateSupervisionRecords, rechecksByTask, type EvaluatedSupervision, type SupervisionRecord } from '../lib/supervision/status.ts';
import { remindersDue, type ReminderDue } from '../lib/supervision/reminders.ts';

export interface Named<T> {
  id: string;
  data: T;
}

export interface Board {
  asOf: IsoDate;
  /** The district's rules (settings, calendars), from the same loader the server uses. */
  rules: DistrictRules;
  settings: Settings;
  tasks: EvaluatedTask[];
  taskByCode: Map<string, EvaluatedTask>;
  /** The tasks each unit leads or takes part in, in code order: grouped once for every unit page, calendar and count. */
  tasksByUnit: Map<string, EvaluatedTask[]>;
  units: Named<UnitData>[];
  unitById: Map<string, UnitData>;
  ledgers: Named<LedgerData>[];
  ledgerById: Map<string, LedgerData>;
  categories: Named<CategoryData>[];
  categoryById: Map<string, CategoryData>;
  assessments: AssessmentData[];
  nodes: Node[];
  /** 曝光台 cases published by the as-of day, newest first. */
  cases: EvaluatedCase[];
  caseById: Map<string, EvaluatedCase>;
  /** 通报 issued by the as-of day, newest first. */
  bulletins: BulletinRecord[];
  bulletinById: Map<string, BulletinRecord>;
  interviewFlags: Map<string, InterviewFlag>;
  /** 督办记录 issued by the as-of day, newest first, with their computed status. */
  supervision: EvaluatedSupervision[];
  supervisionById: Map<string, EvaluatedSupervision>;
  /** 应发工作提示: tasks within the warning window, and whether a reminder went out. */
  remindersDue: ReminderDue[];
  links: Backlinks;
}

let cached: Promise<Board> | undefined;

/** The board for this build; loaded and checked once, shared by every page. */
export function loadBoard(): Promise<Board> {
  cached ??= load();
  return cached;
}

function tasksByUnit(tasks: readonly EvaluatedTask[]): Map<string, EvaluatedTask[]> {
  const byUnit = new Map<string, EvaluatedTask[]>();
  for (const task of tasks) for (const unit of unitsOf(task)) (byUnit.get(unit) ?? byUnit.set(unit, []).get(unit)!).push(task);
  return byUnit;
}

const byOrder = <T extends { order: number }>(a: Named<T>, b: Named<T>) => a.data.order - b.data.order || a.id.localeCompare(b.id);

async function load(): Promise<Board> {
  const [taskEntries, unitEntries, ledgerEntries, categoryEntries, assessmentEntries, exposureEntries, bulletinEntries, supervisionEntries] = await Promise.all(
    [
      getCollection('tasks'),
      getCollection('units'),
      getCollection('ledgers'),
      getCollection('categories'),
      getCollection('assessments'),
      getCollection('exposures'),
      getCollection('bulletins'),
      getCollection('supervision'),
    ],
  );
  const { rules, settings, asOf } = siteFrame();

  const records = taskEntries.map((e): TaskRecord & { file: string } => ({ ...e.data, code: e.id, file: e.filePath ?? e.id }));
  const units = unitEntries.map((e) => ({ id: e.id, data: e.data })).sort(byOrder);
  const ledgers = ledgerEntries.map((e) => ({ id: e.id, data: e.data })).sort(byOrder);
  const categories = categoryEntries.map((e) => ({ id: e.id, data: e.data })).sort(byOrder);
  const assessments = assessmentEntries.map((e) => ({ ...e.data, file: e.filePath ?? e.id }));

  const exposures = exposureEntries.map((e) => ({ ...e.data, id: e.id, file: e.filePath ?? e.id }));
  const bulletinFiles = bulletinEntries.map((e) => ({ ...e.data, id: e.id, file: e.filePath ?? e.id }));
  const supervisionFiles = supervisionEntries.map((e) => ({ ...e.data, id: e.id, file: e.filePath ?? e.id }));
  const problems = findReferenceProblems({
    tasks: records,
    assessments,
    exposures,
    bulletins: bulletinFiles,
    supervision: supervisionFiles,
    publicFileExists: (path) => existsSync(join(process.cwd(), 'public', path)),
    unitIds: new Set(units.map((u) => u.id)),
    ledgerIds: new Set(ledgers.map((l) => l.id)),
    categoryIds: new Set(categories.map((c) => c.id)),
  });
  if (problems.length > 0) throw new Error(describeProblems(problems));

  const supervisionRecords = supervisionFiles.map(({ file: _, ...r }): SupervisionRecord => r);
  const tasks = evaluateTasks(
    records.sort((a, b) => compareCodes(a.code, b.code)),
    asOf,
    settings.warnings,
    rechecksByTask(supervisionRecords.filter((r) => r.date <= asOf)),
  );
  const supervision = evaluateSupervisionRecords(supervisionRecords, asOf, rules.calendar);
  const cases = evaluateCases(
    exposures.map(({ file: _, ...c }): CaseRecord => c),
    asOf,
  );
  const bulletins = bulletinFiles
    .filter((b) => b.date <= asOf)
    .map(({ file: _, ...b }): BulletinRecord => b)
    .sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id));
  return {
    asOf,
    cases,
    caseById: new Map(cases.map((c) => [c.id, c])),
    bulletins,
    bulletinById: new Map(bulletins.map((b) => [b.id, b])),
    interviewFlags: interviewFlags(cases, asOf, settings.exposures),
    supervision,
    supervisionById: new Map(supervision.map((r) => [r.id, r])),
    remindersDue: remindersDue(tasks, supervisionRecords, asOf, settings.warnings),
    links: buildBacklinks(cases, bulletins, supervision),
    rules,
    settings,
    tasks,
    taskByCode: new Map(tasks.map((t) => [t.code, t])),
    tasksByUnit: tasksByUnit(tasks),
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
