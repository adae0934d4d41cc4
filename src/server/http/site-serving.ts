/**
 * What the front door does for the built site before the Astro handler: put the security headers on
 * every response (`security-headers.ts`) and send the files of dist/client itself, precompressed and
 * with their cache rules (`static-files.ts`). Made once at start from the built folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { adminPolicy, cmsOrigins, pagePolicy, securityHeaders, type SecuritySettings } from './security-headers.ts';
import { scanBuiltSite, serveBuiltFile, type BuiltSite } from './static-files.ts';

export interface SiteServing {
  /** Sets the headers every response carries; call first, for every request. */
  secure(request: IncomingMessage, response: ServerResponse): void;
  /** Sends the built file the request names, or calls `next`. */
  serveFile(request: IncomingMessage, response: ServerResponse, next: () => void): void;
  site: BuiltSite;
  settings: SecuritySettings;
}

function pathnameOf(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0]!;
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** Decap's configuration as built (JSON, which is YAML too); none when the site was built without the CMS page. */
function builtCmsConfig(clientDir: string): unknown {
  const path = join(clientDir, 'admin', 'config.yml');
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The hashes of the source's inline scripts, written by the build (src/integrations/source-script-hashes.ts). */
function builtScriptHashes(clientDir: string): string[] | undefined {
  try {
    const { hashes } = JSON.parse(readFileSync(join(clientDir, '..', 'inline-scripts.json'), 'utf8')) as { hashes?: unknown };
    return Array.isArray(hashes) && hashes.every((h) => typeof h === 'string') ? hashes : undefined;
  } catch {
    return undefined;
  }
}

export function createSiteServing(clientDir: string, { siteUrl, log = console.warn }: { siteUrl: string; log?: (line: string) => void }): SiteServing {
  const site = scanBuiltSite(clientDir);
  if (site.precompressed === 0) log(`${clientDir} 中没有预先压缩的文件：静态文件将不压缩发送。请用 npm run build 构建（它会运行 scripts/precompress.ts）。`);
  const scriptHashes = builtScriptHashes(clientDir);
  if (!scriptHashes) log(`找不到构建写出的 inline-scripts.json：页面中的内联脚本（长辈模式、朗读等）将被内容安全策略阻止。请重新构建。`);
  const settings: SecuritySettings = {
    pagePolicy: pagePolicy(scriptHashes ?? []),
    adminPolicy: adminPolicy(scriptHashes ?? [], cmsOrigins(builtCmsConfig(clientDir))),
    siteUrl,
  };
  return {
    site,
    settings,
    secure(request, response) {
      for (const [name, value] of Object.entries(securityHeaders(pathnameOf(request.url), settings))) response.setHeader(name, value);
    },
    serveFile: (request, response, next) => serveBuiltFile(site, request, response, next),
  };
}
