/**
 * Whether /admin/ can open the CMS: each production backend needs some settings before Decap can
 * sign anyone in, and without them Decap stops on an English error ("Gitea backend needs a repo").
 * The admin page asks here first and, when something is missing, says in Chinese what to set, or to
 * edit locally with `npm run cms` (which needs none of them).
 */
import type { Settings } from '../content/schemas.ts';

type CmsSettings = Settings['cms'];
type Field = Exclude<keyof CmsSettings, 'backend' | 'branch' | 'editorialWorkflow'>;

/** What each backend needs, as the README's table of backends says. */
const REQUIRED: Record<CmsSettings['backend'], readonly Field[]> = {
  gitea: ['repo', 'apiRoot', 'baseUrl', 'appId'],
  github: ['repo', 'baseUrl'],
  gitlab: ['repo', 'appId'],
  'git-gateway': [],
};

const FIELD_WORDS: Record<Field, string> = {
  repo: 'repo（仓库，owner/name）',
  apiRoot: 'apiRoot（API 地址，如 https://git.example.gov.cn/api/v1）',
  baseUrl: 'baseUrl（OAuth 服务地址）',
  appId: 'appId（OAuth 应用 ID）',
};

/**
 * The settings still missing for the chosen backend, in words, empty when the CMS can open. With the
 * local proxy (`npm run cms`) nothing is needed: Decap writes files in the checkout.
 */
export function missingCmsSettings(cms: CmsSettings, localProxy: boolean): string[] {
  if (localProxy) return [];
  return REQUIRED[cms.backend].filter((field) => cms[field].trim() === '').map((field) => FIELD_WORDS[field]);
}
