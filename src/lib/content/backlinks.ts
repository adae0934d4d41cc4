/**
 * Who mentions what: a task shows the bulletins and cases that concern it, a unit all three,
 * a bulletin the cases it announced. Built once from the links written in cases and bulletins.
 * A bulletin concerns a task or unit it names, and those of the cases it announced.
 */
import type { EvaluatedCase } from '../exposures/cases.ts';
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
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** Cases and bulletins keep the order given (newest first, as the board holds them). */
export function buildBacklinks(cases: readonly EvaluatedCase[], bulletins: readonly BulletinRecord[]): Backlinks {
  const links: Backlinks = { casesByTask: new Map(), casesByUnit: new Map(), casesByBulletin: new Map(), bulletinsByTask: new Map(), bulletinsByUnit: new Map() };
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
  }
  return links;
}
