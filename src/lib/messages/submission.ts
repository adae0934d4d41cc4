/**
 * What a citizen may submit, and every limit on it. The form and the Open311 interface both end
 * here, so a rule cannot differ between them. Errors are in plain Chinese and name the field.
 *
 * Accepted text is stored exactly as typed (after trimming) and always shown escaped as plain text,
 * so `a < b 且 c > d` and even `<script>` are just words. Refused outright is only what cannot be
 * stored and shown faithfully: control and bidirectional-override characters (they can hide or
 * reorder what staff read), lone surrogates, and the noncharacters XML 1.0 cannot carry (U+FFFE,
 * U+FFFF and their kin), which would break the Open311 XML of every list the message appears in.
 */
import { z } from 'zod';
import { parsePhone } from './phone-numbers.ts';

/** Limits per field, in characters (code points). */
export const FIELD_LIMITS = { title: 50, content: 2000, name: 20, phone: 30, email: 100, type: 40, unit: 80, task: 40 } as const;
export const MIN_TITLE = 4;
export const MIN_CONTENT = 10;

/** The fields of a submission, in the order the form shows them; labels are what the form and errors say. */
export const FIELD_LABELS = {
  type: '留言类型',
  unit: '留言对象',
  task: '相关任务',
  title: '标题',
  content: '留言内容',
  name: '姓名',
  phone: '手机号码或固定电话',
  email: '电子邮箱',
  consent: '同意公开',
} as const;
export type SubmissionField = keyof typeof FIELD_LABELS;

export interface SubmissionChoices {
  types: readonly string[];
  units: readonly string[];
  tasks: readonly string[];
}

/** A valid submission, as the schema hands it on (trimmed text, empty optional fields as null). */
export type Submission = z.output<ReturnType<typeof submissionSchema>>;

export type FieldErrors = Partial<Record<SubmissionField, string>>;
export type SubmissionResult = { ok: true; value: Submission } | { ok: false; errors: FieldErrors };

// C0/C1 controls except tab and line breaks, plus bidi overrides/isolates and other invisible format characters.
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are refused.
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/u;
const LONE_SURROGATE = /\p{Surrogate}/u;
const NONCHARACTER = /\p{Noncharacter_Code_Point}/u;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[A-Za-z]{2,}$/;

const length = (value: string) => [...value].length;

const PHONE_PROBLEMS = {
  empty: `请填写${FIELD_LABELS.phone}，用于办理单位联系您，不会公开`,
  no_area_code: `固定电话请加上区号，例如 010-12345678`,
  invalid: `${FIELD_LABELS.phone}应为 11 位中国大陆手机号码（例如 13800000000），或带区号的固定电话（例如 010-12345678，分机写在“转”后面）`,
} as const;

/** The problem with a piece of free text, in words, or null when it is acceptable. Shared by every free-text field a citizen fills in. */
export function plainTextProblem(label: string, value: string, { min, max, multiline }: { min: number; max: number; multiline: boolean }): string | null {
  if (LONE_SURROGATE.test(value) || NONCHARACTER.test(value)) return `${label}含有无法保存的特殊字符（如 U+FFFE），请删除后重新填写`;
  if (FORBIDDEN_CHARS.test(value) || (!multiline && /[\n\t]/.test(value))) return `${label}含有不可见的控制字符${multiline ? '' : '或换行'}，请删除后重新填写`;
  if (min > 0 && length(value) === 0) return `请填写${label}`;
  if (length(value) < min) return `${label}至少 ${min} 个字，现在是 ${length(value)} 个字`;
  if (length(value) > max) return `${label}最多 ${max} 个字，现在是 ${length(value)} 个字`;
  return null;
}

function plainText(label: string, limits: { min: number; max: number; multiline: boolean }) {
  return z
    .string({ error: `${label}应为文字` })
    .transform((value) => value.replace(/\r\n?/g, '\n').trim())
    .superRefine((value, ctx) => {
      const problem = plainTextProblem(label, value, limits);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

const optional = (schema: z.ZodType<string, unknown>) =>
  z.preprocess((value) => (value === undefined || value === null ? '' : value), schema).transform((value) => (value === '' ? null : value));

/** Build the schema for the current settings (types) and content (units, tasks). */
export function submissionSchema(choices: SubmissionChoices) {
  const choice = (label: string, allowed: readonly string[], what: string) =>
    z
      .string({ error: `${label}应为文字` })
      .refine((value) => value === '' || allowed.includes(value), { message: `${label}不在可选范围内，请从列表中选择${what}` });
  return z.object({
    type: z
      .string({ error: `请选择${FIELD_LABELS.type}` })
      .refine((value) => value !== '', { message: `请选择${FIELD_LABELS.type}` })
      .refine((value) => value === '' || choices.types.includes(value), { message: `${FIELD_LABELS.type}不在可选范围内，请从列表中选择` }),
    unit: optional(choice(FIELD_LABELS.unit, choices.units, '单位，或留空由督查室分办')),
    task: optional(choice(FIELD_LABELS.task, choices.tasks, '任务')),
    title: plainText(FIELD_LABELS.title, { min: MIN_TITLE, max: FIELD_LIMITS.title, multiline: false }),
    content: plainText(FIELD_LABELS.content, { min: MIN_CONTENT, max: FIELD_LIMITS.content, multiline: true }),
    name: optional(plainText(FIELD_LABELS.name, { min: 0, max: FIELD_LIMITS.name, multiline: false })),
    // Stored in one form per number (phone-numbers.ts), so staff can call it and find the message by it.
    phone: z.string({ error: `请填写${FIELD_LABELS.phone}` }).transform((value, ctx) => {
      const parsed = parsePhone(value);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: 'custom', message: PHONE_PROBLEMS[parsed.problem] });
      return z.NEVER;
    }),
    email: optional(
      z
        .string({ error: `${FIELD_LABELS.email}应为文字` })
        .trim()
        .superRefine((value, ctx) => {
          if (value !== '' && (length(value) > FIELD_LIMITS.email || !EMAIL.test(value)))
            ctx.addIssue({ code: 'custom', message: `${FIELD_LABELS.email}格式不正确，例如 name@example.com；可以不填` });
        }),
    ),
    consent: z.boolean({ error: `${FIELD_LABELS.consent}应为是或否` }),
  });
}

// Building a Zod schema costs far more than using one; keep one per set of choices.
const schemas = new WeakMap<SubmissionChoices, ReturnType<typeof submissionSchema>>();
function schemaFor(choices: SubmissionChoices) {
  let schema = schemas.get(choices);
  if (!schema) schemas.set(choices, (schema = submissionSchema(choices)));
  return schema;
}

/** Validate raw input (strings from a form, or values from JSON); every problem is reported against its field. Pass the same `choices` object each time to reuse its schema. */
export function parseSubmission(input: Record<string, unknown>, choices: SubmissionChoices): SubmissionResult {
  const result = schemaFor(choices).safeParse({
    type: input.type ?? '',
    unit: input.unit,
    task: input.task,
    title: input.title ?? '',
    content: input.content ?? '',
    name: input.name,
    phone: input.phone ?? '',
    email: input.email,
    consent: input.consent ?? false,
  });
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as SubmissionField;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
