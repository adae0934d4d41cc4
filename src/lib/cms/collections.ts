/**
 * The collections editors see in the CMS: which folder, which schema, and how new files are named.
 * A file's name is its id everywhere else (task code, unit id), so collections whose ids carry meaning
 * are edited here but created as files (see README, 内容编辑).
 */
import type { z } from 'zod';
import {
  assessmentSchema,
  bulletinSchema,
  calendarSchema,
  categorySchema,
  exposureSchema,
  ledgerSchema,
  settingsSchema,
  supervisionSchema,
  taskSchema,
  unitSchema,
} from '../content/schemas.ts';
import { fieldsOf, jsonSchemaOf, type DecapField } from './decap-config.ts';

interface FolderCollection {
  name: string;
  label: string;
  folder: string;
  schema: z.ZodType;
  /** Markdown with front matter (the body is edited too), or YAML data. */
  format: 'markdown' | 'yaml';
  /** How a new file is named, or `false` when new entries are made as files. */
  slug: string | false;
  summary: string;
  bodyLabel?: string;
  /** Whether the Markdown body must be written (a bulletin's text must; a case's description may be brief). */
  bodyRequired?: boolean;
}

export const CMS_COLLECTIONS: readonly FolderCollection[] = [
  {
    name: 'bulletins',
    label: '督查通报',
    folder: 'bulletins',
    schema: bulletinSchema,
    format: 'markdown',
    slug: 'b-{{year}}{{month}}{{day}}-{{hour}}{{minute}}{{second}}',
    summary: '{{number}}　{{title}}',
    bodyLabel: '正文',
    bodyRequired: true,
  },
  {
    name: 'exposures',
    label: '曝光台案例',
    folder: 'exposures',
    schema: exposureSchema,
    format: 'markdown',
    slug: 'c-{{year}}{{month}}{{day}}-{{hour}}{{minute}}{{second}}',
    summary: '{{date}}　{{title}}',
    bodyLabel: '情况说明',
  },
  {
    name: 'supervision',
    label: '督办记录（工作提示、督办单、提级督办、回头看）',
    folder: 'supervision',
    schema: supervisionSchema,
    format: 'markdown',
    slug: 's-{{year}}{{month}}{{day}}-{{hour}}{{minute}}{{second}}',
    summary: '{{date}}　{{number}}　{{title}}',
    bodyLabel: '情况说明',
  },
  {
    name: 'tasks',
    label: '重点任务（含推进动态）',
    folder: 'tasks',
    schema: taskSchema,
    format: 'markdown',
    slug: false,
    summary: '{{filename}}　{{title}}',
    bodyLabel: '工作说明',
  },
  { name: 'assessments', label: '月度质量评定', folder: 'assessments', schema: assessmentSchema, format: 'yaml', slug: '{{month}}', summary: '{{month}}' },
  { name: 'units', label: '责任单位', folder: 'units', schema: unitSchema, format: 'yaml', slug: false, summary: '{{name}}' },
  { name: 'ledgers', label: '台账', folder: 'ledgers', schema: ledgerSchema, format: 'yaml', slug: false, summary: '{{name}}' },
  { name: 'categories', label: '任务类别', folder: 'categories', schema: categorySchema, format: 'yaml', slug: false, summary: '{{name}}' },
  // The State Council publishes next year's arrangement each autumn; an editor adds it here, and the server picks it up at its next start.
  { name: 'calendar', label: '节假日安排（工作日计算）', folder: 'calendar', schema: calendarSchema, format: 'yaml', slug: '{{year}}', summary: '{{year}} 年' },
];

export interface DecapBackend {
  name: string;
  [option: string]: unknown;
}

/** The whole Decap configuration; `backend` comes from settings, the content folder from the build. */
export function decapConfig(options: {
  backend: DecapBackend;
  localBackendUrl?: string | undefined;
  contentDir: string;
  siteUrl: string;
  editorialWorkflow: boolean;
}) {
  const folder = (name: string) => `${options.contentDir}/${name}`;
  return {
    backend: options.backend,
    // Used only when the CMS is opened on localhost, with `npm run cms`.
    local_backend: options.localBackendUrl ? { url: options.localBackendUrl } : true,
    ...(options.editorialWorkflow && { publish_mode: 'editorial_workflow' }),
    locale: 'zh_Hans',
    site_url: options.siteUrl,
    media_folder: 'public/attachments',
    public_folder: '/attachments',
    collections: [
      ...CMS_COLLECTIONS.map((c) => ({
        name: c.name,
        label: c.label,
        folder: folder(c.folder),
        extension: c.format === 'markdown' ? 'md' : 'yml',
        format: c.format === 'markdown' ? 'frontmatter' : 'yml',
        create: c.slug !== false,
        ...(c.slug !== false && { slug: c.slug }),
        summary: c.summary,
        fields: [
          ...fieldsOf(jsonSchemaOf(c.schema)),
          ...(c.bodyLabel ? [{ name: 'body', label: c.bodyLabel, widget: 'markdown', ...(!c.bodyRequired && { required: false }) }] : []),
        ] satisfies DecapField[],
      })),
      {
        name: 'settings',
        label: '站点设置',
        files: [{ name: 'site', label: '站点设置与预警阈值', file: `${folder('settings')}/site.yml`, fields: fieldsOf(jsonSchemaOf(settingsSchema)) }],
      },
    ],
  };
}
