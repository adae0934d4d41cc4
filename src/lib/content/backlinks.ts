/**
 * Who mentions what: a task shows the bulletins, cases and supervision records that concern it, a unit
 * the same, a bulletin the cases it announced and the records it names, a record the bulletins that name it.
 * Built once from the links written in cases, bulletins and records. A bulletin concerns a task or unit it
 * names, and those of the cases it announced.
 */
import type { EvaluatedCase } from '../exposures/cases.ts';
import type { EvaluatedSupervision } from '../supervision/status.ts';
import type { BulletinData } from './schemas.ts';

export interface BulletinRecord extends BulletinData {
  id: string;
}

export interface Backlinks {
  casesByTask: Map<string, EvaluatedCase[]>;
  casesByUnit: Map<string, EvaluatedCase[]>;
  casesByBulletin: Map<string, EvaluatedCase[]>;
  bulletinsByTask: Map<string, BulletinRecord[]>;
  bulletinsByUnit: Map<string, BulletinRecord[]>;
  supervisionByTask: Map<string, EvaluatedSupervision[]>;
  supervisionByUnit: Map<string, EvaluatedSupervision[]>;
  supervisionByBulletin: Map<string, EvaluatedSupervision[]>;
  bulletinsBySupervision: Map<string, BulletinRecord[]>;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** Cases, bulletins and records keep the order given (newest first, as the board holds them). */
export function buildBacklinks(cases: readonly EvaluatedCase[], bulletins: readonly BulletinRecord[], records: readonly EvaluatedSupervision[] = []): Backlinks {
  const links: Backlinks = {
    casesByTask: new Map(),
    casesByUnit: new Map(),
    casesByBulletin: new Map(),
    bulletinsByTask: new Map(),
    bulletinsByUnit: new Map(),
    supervisionByTask: new Map(),
    supervisionByUnit: new Map(),
    supervisionByBulletin: new Map(),
    bulletinsBySupervision: new Map(),
  };
  const recordById = new Map(records.map((r) => [r.id, r]));
  for (const r of records) {
    for (const t of new Set([...r.tasks, ...(r.recheck ? [r.recheck.task] : [])])) push(links.supervisionByTask, t, r);
    for (const u of r.units) push(links.supervisionByUnit, u, r);
  }
  const caseById = new Map(cases.map((c) => [c.id, c]));
  for (const c of cases) {
    for (const t of c.tasks) push(links.casesByTask, t, c);
    for (const u of c.units) push(links.casesByUnit, u, c);
  }
  for (const b of bulletins) {
    const announced = [...cases.filter((c) => c.bulletin === b.id), ...b.exposures.map((id) => caseById.get(id)).filter((c) => c !== undefined)];
    for (const c of announced) push(links.casesByBulletin, b.id, c);
    for (const t of [...b.tasks, ...announced.flatMap((c) => c.tasks)]) push(links.bulletinsByTask, t, b);
    for (const u of [...b.units, ...announced.flatMap((c) => c.units)]) push(links.bulletinsByUnit, u, b);
    for (const id of b.supervision) {
      const record = recordById.get(id);
      if (!record) continue;
      push(links.supervisionByBulletin, b.id, record);
      push(links.bulletinsBySupervision, id, b);
    }
  }
  return links;
}
