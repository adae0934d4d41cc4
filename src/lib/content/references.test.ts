import { describe, expect, it } from 'vitest';
import { describeProblems, findReferenceProblems } from './references.ts';
import { makeTask } from '../tasks/test-helpers.ts';

const base = {
  unitIds: new Set(['housing', 'water']),
  ledgerIds: new Set(['annual']),
  categoryIds: new Set(['livelihood']),
  assessments: [],
  exposures: [],
  bulletins: [],
  supervision: [],
  publicFileExists: () => true,
};

const exposure = {
  id: 'e1', file: 'content/exposures/e1.md', title: '推诿', kind: 'exposure' as const, units: ['housing'], problemType: 'buck-passing' as const,
  foundBy: 'unannounced-visit' as const, date: '2026-09-01', measures: ['interview' as const], tasks: ['WL-2026-001'],
};
const bulletin = {
  id: 'b1', file: 'content/bulletins/b1.md', number: '督查通报〔2026〕第1期', title: '通报', kind: 'monthly' as const, date: '2026-09-30', issuer: '督查室',
  attachments: [{ title: '附件', file: '/attachments/a.pdf' }], tasks: [], units: [], exposures: ['e1'], supervision: [],
};

describe('reference checks', () => {
  it('accepts content whose ids all exist', () => {
    const tasks = [{ ...makeTask({ responsibleUnits: ['water'] }), file: 'content/tasks/WL-2026-001.md' }];
    expect(findReferenceProblems({ ...base, tasks })).toEqual([]);
  });

  it('names the file and field of an unknown unit', () => {
    const tasks = [{ ...makeTask({ supportingUnits: ['water', 'nowhere'] }), file: 'content/tasks/WL-2026-001.md' }];
    const [problem] = findReferenceProblems({ ...base, tasks });
    expect(problem).toMatchObject({ file: 'content/tasks/WL-2026-001.md', field: 'supportingUnits[1]' });
    expect(problem!.message).toContain('找不到单位「nowhere」');
    expect(describeProblems([problem!])).toContain('字段 supportingUnits[1]');
  });

  it('finds a missing parent and a progress typed on a parent task', () => {
    const tasks = [
      { ...makeTask({ code: 'P', updates: [{ date: '2026-03-01', progress: 30, text: 'x' }] }), file: 'p.md' },
      { ...makeTask({ code: 'P-01', parent: 'P' }), file: 'p1.md' },
      { ...makeTask({ code: 'Q-01', parent: 'Q' }), file: 'q1.md' },
    ];
    const fields = findReferenceProblems({ ...base, tasks }).map((p) => `${p.file}:${p.field}`);
    expect(fields).toEqual(['p.md:updates[0].progress', 'q1.md:parent']);
  });

  it('checks the units named in assessments', () => {
    const assessments = [{ month: '2026-10', assessor: '督查室', date: '2026-11-05', marks: [{ unit: 'ghost', quality: 90 }], adjustments: [], file: 'a.yml' }];
    expect(findReferenceProblems({ ...base, tasks: [], assessments })[0]).toMatchObject({ file: 'a.yml', field: 'marks[0].unit' });
  });

  it('checks cases and bulletins: units, tasks, the announcing bulletin, related cases and attachment files', () => {
    const tasks = [{ ...makeTask(), file: 't.md' }];
    const problems = findReferenceProblems({
      ...base,
      tasks,
      exposures: [{ ...exposure, units: ['ghost'], tasks: ['XX-1'], bulletin: 'b9' }],
      bulletins: [{ ...bulletin, exposures: ['e9'] }],
      publicFileExists: () => false,
    });
    expect(problems.map((p) => `${p.file}:${p.field}`)).toEqual([
      'content/exposures/e1.md:units[0]',
      'content/exposures/e1.md:tasks[0]',
      'content/exposures/e1.md:bulletin',
      'content/bulletins/b1.md:exposures[0]',
      'content/bulletins/b1.md:attachments[0].file',
    ]);
    expect(problems.at(-1)!.message).toContain('public/attachments/a.pdf');
  });

  it('checks supervision records: units, tasks, report attachments, repeated numbers, what a bulletin names, and that a 回头看 rechecks signed-off work', () => {
    const signedOff = { ...makeTask({ code: 'WL-2026-002', signOff: { leader: '王明', date: '2026-10-20' } }), file: 't2.md' };
    const tasks = [{ ...makeTask(), file: 't.md' }, signedOff];
    const record = {
      id: 's1', file: 'content/supervision/s1.md', number: '督办〔2026〕第15号', title: '督办单', kind: 'order' as const, date: '2026-10-10', issuer: '督查室',
      foundBy: 'on-site' as const, tasks: ['WL-2026-001'], units: ['housing'], requirement: '报告整改措施', reportWithinWorkingDays: 5,
      reports: [{ unit: 'housing', date: '2026-10-14', text: '已整改', attachments: [{ title: '整改报告', file: '/attachments/r.pdf' }] }],
    };
    const recheck = (date: string) => ({
      ...record, id: `r-${date}`, file: `content/supervision/r-${date}.md`, number: `督办〔2026〕第${date.slice(5, 7)}${date.slice(8)}号`, kind: 'recheck' as const, date,
      reportWithinWorkingDays: undefined, reports: [], recheck: { task: 'WL-2026-002', finding: 'held' as const, text: '运行正常' },
    });
    expect(findReferenceProblems({ ...base, tasks, supervision: [record, recheck('2026-11-10')] })).toEqual([]);
    const problems = findReferenceProblems({
      ...base,
      tasks,
      bulletins: [{ ...bulletin, exposures: [], attachments: [], supervision: ['s1', 's9'] }],
      supervision: [{ ...record, units: ['ghost'], tasks: ['XX-1'] }, { ...recheck('2026-10-15'), number: record.number }],
      publicFileExists: (file) => file !== '/attachments/r.pdf',
    });
    expect(problems.map((p) => `${p.file}:${p.field}`)).toEqual([
      'content/bulletins/b1.md:supervision[1]',
      'content/supervision/s1.md:units[0]',
      'content/supervision/s1.md:tasks[0]',
      'content/supervision/s1.md:reports[0].attachments[0].file',
      'content/supervision/r-2026-10-15.md:number',
      'content/supervision/r-2026-10-15.md:recheck.task',
    ]);
    expect(problems.at(-2)!.message).toBe('督办文号「督办〔2026〕第15号」与 content/supervision/s1.md 重复');
    expect(problems.at(-1)!.message).toBe('任务「WL-2026-002」在 2026-10-15 时尚未销号：回头看复查的应是已销号的任务');
  });
});
