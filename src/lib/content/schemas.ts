/**
 * The shape of every content file editors write under `content/`.
 *
 * One definition serves the build (Astro validates each file against it) and the editors' CMS,
 * so a field cannot exist in one and be missing in the other. Each field carries its Chinese
 * label in `.meta({ title })`: error messages and CMS forms both read it from here.
 * References between files (a task's lead unit must be a known unit) are checked after loading,
 * in `references.ts`, because a single file cannot know its neighbours.
 */
import { z } from 'zod';
import { isIsoDate } from '../calendar/dates.ts';
import { BULLETIN_KINDS } from '../bulletins/vocabulary.ts';
import { CASE_KINDS, DISCOVERY_METHODS, ids, MEASURES, PROBLEM_TYPES, type Term } from '../exposures/vocabulary.ts';
import { RECHECK_FINDINGS, SUPERVISION_KINDS, SUPERVISION_SOURCES } from '../supervision/vocabulary.ts';

/** A calendar day. YAML turns an unquoted 2026-09-30 into a Date; both forms end as `YYYY-MM-DD`. */
export const isoDate = (title: string) =>
  z
    .preprocess(
      (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
      z.string({ error: `${title}应为日期，格式 YYYY-MM-DD，例如 2026-09-30` }).refine(isIsoDate, {
        error: (issue) => `${title}应为日期，格式 YYYY-MM-DD，例如 2026-09-30；实际为「${String(issue.input)}」`,
      }),
    )
    .meta({ title, format: 'date' });

const text = (title: string, max: number) =>
  z.string({ error: `应填写${title}（文字）` }).trim().min(1, { error: `${title}不能为空` }).max(max, { error: `${title}不能超过 ${max} 个字` }).meta({ title });

/** Collections whose entries other files refer to by id (file name); the CMS offers them as choices. */
export type ReferencedCollection = 'units' | 'ledgers' | 'categories' | 'tasks' | 'bulletins' | 'exposures' | 'supervision';

/** An identifier used in file names and addresses: lower-case letters, digits and hyphens. */
const slugId = (title: string, ref?: ReferencedCollection) =>
  z
    .string({ error: `应填写${title}` })
    .regex(/^[a-z0-9][a-z0-9-]*$/, { error: `${title}只能由小写字母、数字和连字符组成，例如 housing-bureau` })
    .meta(ref ? { title, ref } : { title });

/** A task code such as WL-2026-014, or WL-2026-014-02 for a sub-task. */
export const TASK_CODE = /^[A-Z][A-Z0-9]*(-[0-9A-Z]+)+$/;
const taskCode = (title: string) =>
  z
    .string({ error: `应填写${title}` })
    .regex(TASK_CODE, { error: `${title}应为大写字母、数字和连字符组成的任务编号，例如 WL-2026-014` })
    .meta({ title, ref: 'tasks' });

/** One of a fixed list; the message names the allowed ids with their Chinese labels. */
const choice = <T extends readonly Term[]>(title: string, list: T) =>
  z
    .enum(ids(list), { error: `${title}应为以下之一：${list.map((t) => `${t.id}（${t.label}）`).join('、')}` })
    .meta({ title, options: list.map((t) => ({ value: t.id, label: t.label })) });

const leader = (title: string) =>
  z
    .object({
      name: text('姓名', 20),
      title: text('职务', 60),
    })
    .meta({ title });
const person = leader('牵头领导');

export const milestoneSchema = z
  .object({
    name: text('节点名称', 60),
    due: isoDate('计划完成日期'),
    done: isoDate('实际完成日期').optional(),
  })
  .meta({ title: '节点' });

export const progressUpdateSchema = z
  .object({
    date: isoDate('日期'),
    progress: z
      .number({ error: '进度应为 0 到 100 之间的整数' })
      .int({ error: '进度应为整数' })
      .min(0, { error: '进度不能小于 0' })
      .max(100, { error: '进度不能超过 100' })
      .meta({ title: '进度（%）' })
      .optional(),
    text: text('进展情况', 500),
  })
  .meta({ title: '推进动态' });

export const signOffSchema = z
  .object({
    leader: text('签批领导', 40),
    date: isoDate('销号日期'),
    note: text('销号说明', 200).optional(),
  })
  .meta({ title: '销号记录' });

/** 重点工作任务 — a tracked task; the file name is its code. */
export const taskSchema = z
  .object({
    title: text('任务名称', 80),
    ledger: slugId('所属台账', 'ledgers'),
    category: slugId('任务类别', 'categories'),
    parent: taskCode('所属总任务').optional(),
    weight: z.number({ error: '权重应为正数' }).positive({ error: '权重应为正数' }).meta({ title: '权重' }).optional(),
    leadLeader: person,
    leadUnit: slugId('牵头单位', 'units'),
    responsibleUnits: z.array(slugId('责任单位', 'units')).default([]).meta({ title: '责任单位' }),
    supportingUnits: z.array(slugId('配合单位', 'units')).default([]).meta({ title: '配合单位' }),
    goal: text('任务目标', 400),
    start: isoDate('开始日期'),
    deadline: isoDate('截止日期'),
    cadence: z.enum(['weekly', 'monthly'], { error: '更新频次应为 weekly（每周）或 monthly（每月）' }).meta({
      title: '更新频次',
      options: [
        { value: 'weekly', label: '每周' },
        { value: 'monthly', label: '每月' },
      ],
    }),
    milestones: z.array(milestoneSchema).default([]).meta({ title: '节点' }),
    updates: z.array(progressUpdateSchema).default([]).meta({ title: '推进动态' }),
    signOff: signOffSchema.optional(),
  })
  .strict()
  .superRefine((task, ctx) => {
    if (task.deadline < task.start) ctx.addIssue({ code: 'custom', path: ['deadline'], message: `截止日期 ${task.deadline} 早于开始日期 ${task.start}` });
    task.milestones.forEach((m, i) => {
      if (m.due > task.deadline) ctx.addIssue({ code: 'custom', path: ['milestones', i, 'due'], message: `节点「${m.name}」的日期 ${m.due} 晚于任务截止日期 ${task.deadline}` });
    });
  });

/** 责任单位 — a department, town or park. */
export const unitSchema = z
  .object({
    name: text('单位名称', 40),
    shortName: text('单位简称', 12),
    kind: z.enum(['department', 'town', 'park'], { error: '单位类型应为 department（部门）、town（街镇）或 park（园区）' }).meta({
      title: '单位类型',
      options: [
        { value: 'department', label: '部门' },
        { value: 'town', label: '街镇' },
        { value: 'park', label: '园区' },
      ],
    }),
    order: z.number({ error: '排序应为数字' }).int().default(100).meta({ title: '排序' }),
  })
  .strict();

/** 台账 — a named list that tasks belong to. */
export const ledgerSchema = z
  .object({
    name: text('台账名称', 40),
    description: text('台账说明', 200),
    order: z.number({ error: '排序应为数字' }).int().default(100).meta({ title: '排序' }),
  })
  .strict();

/** 任务类别. */
export const categorySchema = z
  .object({
    name: text('类别名称', 20),
    order: z.number({ error: '排序应为数字' }).int().default(100).meta({ title: '排序' }),
  })
  .strict();

/** 曝光台案例: a case of poor work exposed, or a positive example; the file name is its id. */
export const exposureSchema = z
  .object({
    title: text('案例标题', 80),
    kind: choice('案例类型', CASE_KINDS),
    units: z.array(slugId('涉及单位', 'units')).min(1, { error: '至少填写一个涉及单位' }).meta({ title: '涉及单位' }),
    problemType: choice('问题类型', PROBLEM_TYPES).optional(),
    foundBy: choice('发现方式', DISCOVERY_METHODS),
    date: isoDate('曝光日期'),
    measures: z.array(choice('处理方式', MEASURES)).min(1, { error: '至少填写一种处理方式' }).meta({ title: '处理方式' }),
    rectification: z
      .object({
        requirement: text('整改要求', 300),
        deadline: isoDate('整改期限'),
      })
      .strict()
      .optional()
      .meta({ title: '整改要求' }),
    result: z
      .object({
        date: isoDate('整改完成日期'),
        text: text('整改情况', 500),
      })
      .strict()
      .optional()
      .meta({ title: '整改情况' }),
    tasks: z.array(taskCode('相关任务')).default([]).meta({ title: '相关任务' }),
    bulletin: slugId('发布通报', 'bulletins').optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.kind === 'exposure' && !c.problemType) ctx.addIssue({ code: 'custom', path: ['problemType'], message: '问题曝光案例应填写问题类型' });
    if (c.kind === 'exposure' && !c.rectification) ctx.addIssue({ code: 'custom', path: ['rectification'], message: '问题曝光案例应填写整改要求和整改期限' });
    if (c.rectification && c.rectification.deadline < c.date)
      ctx.addIssue({ code: 'custom', path: ['rectification', 'deadline'], message: `整改期限 ${c.rectification.deadline} 早于曝光日期 ${c.date}` });
    if (c.result && !c.rectification) ctx.addIssue({ code: 'custom', path: ['result'], message: '填写整改情况前应先填写整改要求' });
  });

/** PDF files under public/attachments/, each with its title. */
const attachments = z
  .array(
    z
      .object({
        title: text('附件名称', 80),
        file: z
          .string({ error: '应填写附件文件路径' })
          .regex(/^\/attachments\/[\w./-]+\.pdf$/, { error: '附件应为 public/attachments/ 下的 PDF 文件，写作 /attachments/文件名.pdf' })
          .meta({ title: '附件文件' }),
      })
      .strict(),
  )
  .default([])
  .meta({ title: '附件' });

/** 通报: a numbered supervision bulletin; the file name is its id, the body is Markdown. */
export const bulletinSchema = z
  .object({
    number: text('通报文号', 40),
    title: text('通报标题', 80),
    kind: choice('通报类型', BULLETIN_KINDS),
    date: isoDate('发布日期'),
    issuer: text('发文单位', 60),
    rankingMonth: z
      .string({ error: '排名月份格式应为 YYYY-MM' })
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '排名月份格式应为 YYYY-MM，例如 2026-10' })
      .meta({ title: '附排名表的月份' })
      .optional(),
    attachments,
    tasks: z.array(taskCode('相关任务')).default([]).meta({ title: '相关任务' }),
    units: z.array(slugId('相关单位', 'units')).default([]).meta({ title: '相关单位' }),
    exposures: z.array(slugId('相关案例', 'exposures')).default([]).meta({ title: '相关案例' }),
    supervision: z.array(slugId('相关督办', 'supervision')).default([]).meta({ title: '相关督办' }),
  })
  .strict();

/** A unit's written report (反馈) on a supervision record. */
export const supervisionReportSchema = z
  .object({
    unit: slugId('反馈单位', 'units'),
    date: isoDate('反馈日期'),
    text: text('反馈内容', 1000),
    attachments,
  })
  .strict()
  .meta({ title: '单位反馈' });

/**
 * 督办记录: what the supervising office did about tasks (工作提示, 督办单, 提级督办, 回头看); the file name is
 * its id, the body (Markdown) its text. Its status is computed from the dates (src/lib/supervision/status.ts).
 */
export const supervisionSchema = z
  .object({
    number: text('督办文号', 40),
    title: text('标题', 80),
    kind: choice('督办类型', SUPERVISION_KINDS),
    date: isoDate('下发日期'),
    issuer: text('发文单位', 60),
    leader: leader('挂名领导（提级督办必填）').optional(),
    foundBy: choice('发现方式', SUPERVISION_SOURCES),
    tasks: z.array(taskCode('涉及任务')).default([]).meta({ title: '涉及任务' }),
    units: z.array(slugId('承办单位', 'units')).min(1, { error: '至少填写一个承办单位' }).meta({ title: '承办单位' }),
    requirement: text('督办要求', 500),
    reportWithinWorkingDays: z
      .number({ error: '反馈时限应为工作日数，例如 5' })
      .int({ error: '反馈时限应为整数个工作日' })
      .min(1, { error: '反馈时限至少 1 个工作日' })
      .max(60, { error: '反馈时限不能超过 60 个工作日' })
      .meta({ title: '反馈时限（工作日；督办单、提级督办必填）' })
      .optional(),
    reports: z.array(supervisionReportSchema).default([]).meta({ title: '单位反馈' }),
    recheck: z
      .object({
        task: taskCode('复查的任务'),
        finding: choice('复查结论', RECHECK_FINDINGS),
        text: text('复查情况', 500),
      })
      .strict()
      .optional()
      .meta({ title: '回头看（复查已销号的任务）' }),
    closed: z
      .object({
        date: isoDate('办结日期'),
        note: text('办结说明', 200).optional(),
      })
      .strict()
      .optional()
      .meta({ title: '办结' }),
  })
  .strict()
  .superRefine((r, ctx) => {
    const kind = SUPERVISION_KINDS.find((k) => k.id === r.kind)!.label;
    if (r.kind === 'escalation' && !r.leader) ctx.addIssue({ code: 'custom', path: ['leader'], message: '提级督办应填写挂名领导' });
    if (r.kind !== 'escalation' && r.leader) ctx.addIssue({ code: 'custom', path: ['leader'], message: `${kind}不填写挂名领导（只有提级督办由领导挂名）` });
    if (r.kind === 'reminder' && r.tasks.length === 0) ctx.addIssue({ code: 'custom', path: ['tasks'], message: '工作提示应填写所提示的任务' });
    if ((r.kind === 'order' || r.kind === 'escalation') && r.reportWithinWorkingDays === undefined)
      ctx.addIssue({ code: 'custom', path: ['reportWithinWorkingDays'], message: `${kind}应填写反馈时限（工作日）` });
    if (r.kind === 'recheck' && !r.recheck) ctx.addIssue({ code: 'custom', path: ['recheck'], message: '回头看应填写复查的任务和复查结论' });
    if (r.kind !== 'recheck' && r.recheck) ctx.addIssue({ code: 'custom', path: ['recheck'], message: `${kind}不填写回头看的复查结论` });
    r.reports.forEach((report, i) => {
      if (!r.units.includes(report.unit))
        ctx.addIssue({ code: 'custom', path: ['reports', i, 'unit'], message: `反馈单位「${report.unit}」不在承办单位中（${r.units.join('、')}）` });
      if (report.date < r.date) ctx.addIssue({ code: 'custom', path: ['reports', i, 'date'], message: `反馈日期 ${report.date} 早于下发日期 ${r.date}` });
    });
    if (r.closed && r.closed.date < r.date) ctx.addIssue({ code: 'custom', path: ['closed', 'date'], message: `办结日期 ${r.closed.date} 早于下发日期 ${r.date}` });
  });

/** One month's quality marks (质量分) and bonus or deduction items, from the assessors. */
export const assessmentSchema = z
  .object({
    month: z.string({ error: '应填写考核月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '考核月份格式应为 YYYY-MM，例如 2026-10' }).meta({ title: '考核月份' }),
    assessor: text('评定单位', 40),
    date: isoDate('评定日期'),
    marks: z
      .array(
        z.object({
          unit: slugId('单位', 'units'),
          quality: z.number({ error: '质量分应为 0 到 100 之间的数' }).min(0, { error: '质量分不能小于 0' }).max(100, { error: '质量分不能超过 100' }).meta({ title: '质量分' }),
          note: text('评语', 200).optional(),
        }),
      )
      .meta({ title: '质量评分' }),
    adjustments: z
      .array(
        z.object({
          unit: slugId('单位', 'units'),
          points: z.number({ error: '加减分应为数字，加分为正、扣分为负' }).refine((p) => p !== 0, { error: '加减分不能为 0' }).meta({ title: '分值（加分为正，扣分为负）' }),
          reason: text('事由', 200),
        }),
      )
      .default([])
      .meta({ title: '加分项与扣分项' }),
  })
  .strict();

/** Site identity, filing numbers and the thresholds every computed colour depends on. */
export const settingsSchema = z
  .object({
    siteName: text('网站名称', 40),
    district: text('地区名称', 20),
    sponsor: text('主办单位', 60),
    organiser: text('承办单位', 60).optional(),
    siteCode: z.string().trim().max(20).default('').meta({ title: '网站标识码' }),
    icp: z.string().trim().max(40).default('').meta({ title: 'ICP备案号' }),
    publicSecurityFiling: z.string().trim().max(40).default('').meta({ title: '公安机关备案号' }),
    contact: z.string().trim().max(100).default('').meta({ title: '联系方式' }),
    showEmblem: z.boolean().default(false).meta({ title: '显示国徽' }),
    demoNotice: z.string().trim().max(200).default('').meta({ title: '演示站点提示' }),
    asOf: isoDate('数据截至日期').optional(),
    warnings: z
      .object({
        deadlineYellowDays: z.number().int().min(1).default(15).meta({ title: '截止日期临期天数' }),
        milestoneYellowDays: z.number().int().min(1).default(7).meta({ title: '节点临期天数' }),
        weeklyCadenceDays: z.number().int().min(1).default(7).meta({ title: '每周更新的间隔天数' }),
        monthlyCadenceDays: z.number().int().min(1).default(31).meta({ title: '每月更新的间隔天数' }),
        staleGraceDays: z.number().int().min(0).default(3).meta({ title: '更新宽限天数' }),
      })
      .strict()
      .prefault({})
      .meta({ title: '预警阈值' }),
    cms: z
      .object({
        backend: z
          .enum(['gitea', 'github', 'gitlab', 'git-gateway'], { error: 'CMS 后端应为 gitea、github、gitlab 或 git-gateway' })
          .default('gitea')
          .meta({ title: 'CMS 后端' }),
        repo: z.string().trim().max(200).default('').meta({ title: '仓库（owner/name）' }),
        branch: z.string().trim().max(100).default('main').meta({ title: '分支' }),
        baseUrl: z.string().trim().max(200).default('').meta({ title: 'OAuth 服务地址（base_url）' }),
        apiRoot: z.string().trim().max(200).default('').meta({ title: 'API 地址（api_root，Gitea/Forgejo 必填）' }),
        appId: z.string().trim().max(200).default('').meta({ title: 'OAuth 应用 ID（app_id）' }),
        editorialWorkflow: z.boolean().default(true).meta({ title: '编辑审核流程（草稿—待审—待发布）' }),
      })
      .strict()
      .prefault({})
      .meta({ title: '内容管理（CMS）' }),
    exposures: z
      .object({
        interviewFlagCount: z.number().int().min(1).default(2).meta({ title: '提示所需的约谈次数' }),
        interviewWindowMonths: z.number().int().min(1).default(12).meta({ title: '约谈统计的月数' }),
      })
      .strict()
      .prefault({})
      .meta({ title: '曝光台' }),
    messages: z
      .object({
        trackingPrefix: z
          .string()
          .regex(/^[A-Z]{1,6}$/, { error: '留言编号前缀应为 1 到 6 个大写字母，例如 LY' })
          .default('LY')
          .meta({ title: '留言编号前缀' }),
        clockStartsAt: z
          .enum(['submitted', 'accepted', 'assigned'], { error: '办理时限起算应为 submitted（提交）、accepted（受理）或 assigned（交办）' })
          .default('assigned')
          .meta({ title: '办理时限起算（submitted 提交 / accepted 受理 / assigned 交办）' }),
        acceptWithinWorkingDays: z.number().int().min(1).max(10).default(1).meta({ title: '受理时限（提交后的工作日）' }),
        assignWithinWorkingDays: z.number().int().min(1).max(10).default(1).meta({ title: '交办时限（受理时限之后再加的工作日）' }),
        dueSoonWorkingDays: z.number().int().min(0).default(2).meta({ title: '临期提示的剩余工作日' }),
        urgeEveryWorkingDays: z.number().int().min(1).default(3).meta({ title: '逾期后自动督办的间隔工作日' }),
        minMessagesToRank: z.number().int().min(1).default(3).meta({ title: '参与排名的最少留言数' }),
        types: z
          .array(
            z
              .object({
                id: slugId('类型标识'),
                label: text('类型名称', 10),
                limitWorkingDays: z.number({ error: '办理时限应为工作日数' }).int().min(1).max(60).meta({ title: '办理时限（工作日）' }),
                hint: z.string().trim().max(60).default('').meta({ title: '说明' }),
                hiddenUntilPublished: z
                  .boolean()
                  .default(false)
                  .meta({ title: '公开前不列出（如举报：审核公开前，公开接口不显示这类留言的任何信息）' }),
                unit: slugId('默认留言对象（如网站纠错交本站主办单位；留言人未选单位时使用）', 'units').optional(),
              })
              .strict(),
          )
          .min(1, { error: '至少设置一种留言类型' })
          .default([
            { id: 'consultation', label: '咨询', limitWorkingDays: 7, hint: '', hiddenUntilPublished: false },
            { id: 'help', label: '求助', limitWorkingDays: 7, hint: '', hiddenUntilPublished: false },
            { id: 'complaint', label: '投诉', limitWorkingDays: 15, hint: '', hiddenUntilPublished: false },
            { id: 'suggestion', label: '建议', limitWorkingDays: 15, hint: '', hiddenUntilPublished: false },
            { id: 'report', label: '举报', limitWorkingDays: 15, hint: '', hiddenUntilPublished: true },
          ])
          .meta({ title: '留言类型与办理时限' }),
      })
      .strict()
      .prefault({})
      .meta({ title: '网民留言' }),
    scoring: z
      .object({
        timelinessWeight: z.number().min(0).max(1).default(0.3).meta({ title: '时效分权重' }),
        qualityWeight: z.number().min(0).max(1).default(0.7).meta({ title: '质量分权重' }),
        minNodesToRank: z.number().int().min(1).default(2).meta({ title: '参与排名的最少到期节点数' }),
        redListSize: z.number().int().min(0).default(3).meta({ title: '红榜单位数' }),
        blackListSize: z.number().int().min(0).default(3).meta({ title: '黑榜单位数' }),
        reportLatePoints: z.number().min(0).max(100).default(1).meta({ title: '督办反馈逾期扣分（每件，从时效分中扣除；0 为不扣）' }),
        reportMissingPoints: z.number().min(0).max(100).default(3).meta({ title: '督办逾期未反馈扣分（每件每月，从时效分中扣除；0 为不扣）' }),
      })
      .strict()
      .refine((s) => Math.abs(s.timelinessWeight + s.qualityWeight - 1) < 1e-9, { error: '时效分权重与质量分权重之和应为 1' })
      .prefault({})
      .meta({ title: '排位计分' }),
  })
  .strict();

/** One year's holidays and adjusted workdays (调休), as the State Council publishes them. */
export const calendarSchema = z
  .object({
    year: z.number({ error: '年份应为数字，例如 2026' }).int().min(2000).max(2100).meta({ title: '年份' }),
    source: text('依据（通知名称与日期）', 200),
    holidays: z
      .array(z.object({ name: text('节日名称', 20), from: isoDate('放假开始日期'), to: isoDate('放假结束日期') }).strict())
      .meta({ title: '放假安排' }),
    workdays: z
      .array(z.object({ name: text('调休名称', 20), date: isoDate('调休上班日期') }).strict())
      .default([])
      .meta({ title: '调休上班日' }),
  })
  .strict();

export type TaskData = z.output<typeof taskSchema>;
export type UnitData = z.output<typeof unitSchema>;
export type LedgerData = z.output<typeof ledgerSchema>;
export type CategoryData = z.output<typeof categorySchema>;
export type AssessmentData = z.output<typeof assessmentSchema>;
export type ExposureData = z.output<typeof exposureSchema>;
export type BulletinData = z.output<typeof bulletinSchema>;
export type SupervisionData = z.output<typeof supervisionSchema>;
export type Settings = z.output<typeof settingsSchema>;
export type MessageSettings = Settings['messages'];
export type CalendarData = z.output<typeof calendarSchema>;
export type WarningSettings = Settings['warnings'];
export type ScoringSettings = Settings['scoring'];
