import type { APIRoute } from 'astro';
import { relative, resolve } from 'node:path';
import { decapConfig } from '../../lib/cms/collections';
import { loadDistrictRules } from '../../data/district-rules';

/**
 * Decap's configuration, generated from the content schemas (JSON is valid YAML).
 * Folders are given relative to the repository the CMS writes to: the project, or DUBAN_CMS_REPO_DIR.
 */
export const GET: APIRoute = async ({ site }) => {
  const { settings } = loadDistrictRules();
  const contentDir = relative(process.env.DUBAN_CMS_REPO_DIR ?? process.cwd(), resolve(process.env.DUBAN_CONTENT_DIR ?? 'content'));
  const { backend, repo, branch, baseUrl, apiRoot, appId, editorialWorkflow } = settings.cms;
  const config = decapConfig({
    backend: {
      name: backend,
      branch,
      ...(repo && { repo }),
      ...(baseUrl && { base_url: baseUrl }),
      ...(apiRoot && { api_root: apiRoot }),
      ...(appId && { app_id: appId }),
    },
    localBackendUrl: process.env.DUBAN_CMS_PROXY_URL,
    contentDir,
    siteUrl: (site ?? new URL('http://localhost:4321')).href,
    // The local proxy (npm run cms) writes files directly: no editorial workflow there.
    editorialWorkflow: editorialWorkflow && !process.env.DUBAN_CMS_PROXY_URL,
  });
  return new Response(JSON.stringify(config, null, 1), { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
};
