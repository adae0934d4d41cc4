/**
 * Checks what one file's schema cannot: that the ids a file names exist in other files.
 * Each problem names the file, the field and what was expected, so an editor can fix it alone.
 */
import type { AssessmentData, BulletinData, ExposureData, SupervisionData } from './schemas.ts';
import type { TaskRecord } from '../tasks/types.ts';

export interface ContentProblem {
  file: string;
  field: string;
  message: string;
}

export interface ReferenceInput {
  tasks: readonly (TaskRecord & { file: string })[];
  assessments: readonly (AssessmentData & { file: string })[];
  unitIds: ReadonlySet<string>;
  ledgerIds: ReadonlySet<string>;
  categoryIds: ReadonlySet<string>;
  exposures: readonly (ExposureData & { id: string; file: string })[];
  bulletins: readonly (BulletinData & { id: string; file: string })[];
  supervision: readonly (SupervisionData & { id: string; file: string })[];
  /** Whether a file exists under public/, for attachments. */
  publicFileExists: (path: string) => boolean;
}

/** Every broken reference in the content, in file order. */
export function findReferenceProblems(input: ReferenceInput): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const taskCodes = new Set(input.tasks.map((t) => t.code));
  const parents = new Set(input.tasks.map((t) => t.parent).filter(Boolean));
  const known = (set: ReadonlySet<string>, kind: string, list: string) => (id: string) =>
    set.has(id) ? undefined : `找不到${kind}「${id}」，应为 ${list} 中已有文件的文件名（不含扩展名）`;
  const unit = known(input.unitIds, '单位', 'content/units/');

  for (const task of input.tasks) {
    const add = (field: string, message: string | undefined) => message && problems.push({ file: task.file, field, message });
    add('ledger', known(input.ledgerIds, '台账', 'content/ledgers/')(task.ledger));
    add('category', known(input.categoryIds, '任务类别', 'content/categories/')(task.category));
    add('leadUnit', unit(task.leadUnit));
    task.responsibleUnits.forEach((id, i) => add(`responsibleUnits[${i}]`, unit(id)));
    task.supportingUnits.forEach((id, i) => add(`supportingUnits[${i}]`, unit(id)));
    if (task.parent !== undefined) {
      if (!taskCodes.has(task.parent)) add('parent', `找不到总任务「${task.parent}」，应为 content/tasks/ 中已有任务的编号`);
      else if (task.parent === task.code) add('parent', '任务不能以自己为总任务');
    }
    if (parents.has(task.code)) {
      task.updates.forEach((u, i) => {
        if (u.progress !== undefined) add(`updates[${i}].progress`, '有子任务的总任务，进度由子任务汇总得出，推进动态中不应填写 progress');
      });
    }
  }
  for (const assessment of input.assessments) {
    assessment.marks.forEach((m, i) => {
      const message = unit(m.unit);
      if (message) problems.push({ file: assessment.file, field: `marks[${i}].unit`, message });
    });
    assessment.adjustments.forEach((a, i) => {
      const message = unit(a.unit);
      if (message) problems.push({ file: assessment.file, field: `adjustments[${i}].unit`, message });
    });
  }
  const caseIds = new Set(input.exposures.map((c) => c.id));
  const supervisionIds = new Set(input.supervision.map((r) => r.id));
  const bulletinIds = new Set(input.bulletins.map((b) => b.id));
  const attachment = (file: string) => (input.publicFileExists(file) ? undefined : `找不到附件文件 public${file}，请先把 PDF 放到该位置`);
  const task = (code: string) => (taskCodes.has(code) ? undefined : `找不到任务「${code}」，应为 content/tasks/ 中已有任务的编号`);
  for (const c of input.exposures) {
    const add = (field: string, message: string | undefined) => message && problems.push({ file: c.file, field, message });
    c.units.forEach((id, i) => add(`units[${i}]`, unit(id)));
    c.tasks.forEach((code, i) => add(`tasks[${i}]`, task(code)));
    if (c.bulletin !== undefined) add('bulletin', known(bulletinIds, '通报', 'content/bulletins/')(c.bulletin));
  }
  for (const b of input.bulletins) {
    const add = (field: string, message: string | undefined) => message && problems.push({ file: b.file, field, message });
    b.units.forEach((id, i) => add(`units[${i}]`, unit(id)));
    b.tasks.forEach((code, i) => add(`tasks[${i}]`, task(code)));
    b.exposures.forEach((id, i) => add(`exposures[${i}]`, known(caseIds, '曝光台案例', 'content/exposures/')(id)));
    b.supervision.forEach((id, i) => add(`supervision[${i}]`, known(supervisionIds, '督办记录', 'content/supervision/')(id)));
    b.attachments.forEach((a, i) => add(`attachments[${i}].file`, attachment(a.file)));
  }
  const byCode = new Map(input.tasks.map((t) => [t.code, t]));
  const numbers = new Map<string, string>();
  for (const r of input.supervision) {
    const add = (field: string, message: string | undefined) => message && problems.push({ file: r.file, field, message });
    r.units.forEach((id, i) => add(`units[${i}]`, unit(id)));
    r.tasks.forEach((code, i) => add(`tasks[${i}]`, task(code)));
    r.reports.forEach((report, i) => report.attachments.forEach((a, j) => add(`reports[${i}].attachments[${j}].file`, attachment(a.file))));
    const earlier = numbers.get(r.number);
    if (earlier) add('number', `督办文号「${r.number}」与 ${earlier} 重复`);
    else numbers.set(r.number, r.file);
    if (r.recheck) {
      const checked = byCode.get(r.recheck.task);
      if (!checked) add('recheck.task', task(r.recheck.task));
      else if (!checked.signOff || checked.signOff.date > r.date)
        add('recheck.task', `任务「${r.recheck.task}」在 ${r.date} 时尚未销号：回头看复查的应是已销号的任务`);
    }
  }
  return problems;
}

/** One readable block for a failed build: file, field, what was expected. */
export function describeProblems(problems: readonly ContentProblem[]): string {
  const lines = problems.map((p) => `  ${p.file}\n    字段 ${p.field}：${p.message}`);
  return `内容文件有 ${problems.length} 处错误，请修改后重新构建：\n${lines.join('\n')}`;
}
