import { describe, expect, it } from 'vitest';
import { buildBacklinks, type BulletinRecord } from './backlinks.ts';
import { evaluateCase, type CaseRecord } from '../exposures/cases.ts';
import { evaluateSupervision } from '../supervision/status.ts';
import { buildCalendar } from '../calendar/working-days.ts';
import { year2026 } from '../calendar/year-2026.fixture.ts';

const c = (id: string, units: string[], tasks: string[], bulletin?: string): CaseRecord => ({
  id, title: id, kind: 'exposure', units, problemType: 'inaction', foundBy: 'unannounced-visit', date: '2026-09-01',
  measures: ['public-criticism'], rectification: { requirement: 'x', deadline: '2026-10-01' }, tasks, bulletin,
});
const b = (id: string, units: string[], tasks: string[], exposures: string[] = []): BulletinRecord => ({
  id, number: id, title: id, kind: 'monthly', date: '2026-09-30', issuer: '督查室', attachments: [], units, tasks, exposures, supervision: [],
});

describe('backlinks', () => {
  const cases = [c('e1', ['housing'], ['T-1'], 'b1'), c('e2', ['water'], [])].map((x) => evaluateCase(x, '2026-11-23'));
  const links = buildBacklinks(cases, [b('b1', [], []), b('b2', ['water'], ['T-2'], ['e2'])]);

  it('finds the bulletin that announced a case, and that case from the bulletin', () => {
    expect(links.casesByBulletin.get('b1')!.map((x) => x.id)).toEqual(['e1']);
    expect(links.casesByBulletin.get('b2')!.map((x) => x.id)).toEqual(['e2']);
  });

  it('gives a task the bulletins that name it or announced its cases', () => {
    expect(links.bulletinsByTask.get('T-1')!.map((x) => x.id)).toEqual(['b1']);
    expect(links.bulletinsByTask.get('T-2')!.map((x) => x.id)).toEqual(['b2']);
    expect(links.casesByTask.get('T-1')!.map((x) => x.id)).toEqual(['e1']);
  });

  it('gives a unit its cases and, once each, the bulletins concerning it', () => {
    expect(links.casesByUnit.get('water')!.map((x) => x.id)).toEqual(['e2']);
    expect(links.bulletinsByUnit.get('water')!.map((x) => x.id)).toEqual(['b2']);
    expect(links.bulletinsByUnit.get('housing')!.map((x) => x.id)).toEqual(['b1']);
  });

  it('links supervision records with their tasks (a 回头看 with the task it rechecks), units and the bulletins that name them, both ways', () => {
    const record = (id: string, tasks: string[], units: string[], recheckOf?: string) =>
      evaluateSupervision(
        {
          id, number: id, title: id, kind: recheckOf ? 'recheck' : 'order', date: '2026-10-10', issuer: '督查室', foundBy: 'written', tasks, units,
          requirement: '报告', reportWithinWorkingDays: recheckOf ? undefined : 5, reports: [],
          recheck: recheckOf ? { task: recheckOf, finding: 'relapsed', text: '反弹' } : undefined,
        },
        '2026-11-23',
        buildCalendar([year2026]),
      );
    const records = [record('s1', ['T-1'], ['housing']), record('s2', [], ['water'], 'T-2')];
    const withRecords = buildBacklinks([], [{ ...b('b3', [], []), supervision: ['s1'] }], records);
    expect(withRecords.supervisionByTask.get('T-1')!.map((r) => r.id)).toEqual(['s1']);
    expect(withRecords.supervisionByTask.get('T-2')!.map((r) => r.id)).toEqual(['s2']);
    expect(withRecords.supervisionByUnit.get('water')!.map((r) => r.id)).toEqual(['s2']);
    expect(withRecords.supervisionByBulletin.get('b3')!.map((r) => r.id)).toEqual(['s1']);
    expect(withRecords.bulletinsBySupervision.get('s1')!.map((x) => x.id)).toEqual(['b3']);
    expect(withRecords.bulletinsBySupervision.get('s2')).toBeUndefined();
  });
});
