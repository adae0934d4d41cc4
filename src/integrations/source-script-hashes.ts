/**
 * At the end of a build, the SHA-256 of every inline script written in the source (`<script is:inline>` in
 * src/**\/*.astro), for the Content-Security-Policy (src/server/http/security-headers.ts, decision 020):
 * written to <outDir>/inline-scripts.json, which the server reads when it starts. Taken from the source,
 * not from the built pages, so a script that reached a page through its content is never allowed. The
 * build then looks through its pages and names any that carry an inline script the policy will block
 * (a `<script>` in a content file, say): the browser will not run it.
 *
 * Astro's own small module scripts would be inlined into pages too; `vite.build.assetsInlineLimit: 0` in
 * astro.config.mjs keeps them as files under /_astro/, which the policy allows as the site's own.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { inlineScriptHashes, scriptHash, sourceInlineScripts } from '../server/http/security-headers.ts';

function filesUnder(dir: string, ending: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) filesUnder(path, ending, out);
    else if (entry.name.endsWith(ending)) out.push(path);
  }
  return out;
}

/** The hashes of the inline scripts in the .astro files under `srcDir`, sorted, without repeats. */
export function sourceScriptHashesIn(srcDir: string): string[] {
  const hashes = new Set(filesUnder(srcDir, '.astro').flatMap((file) => sourceInlineScripts(readFileSync(file, 'utf8')).map(scriptHash)));
  return [...hashes].sort();
}

export function sourceScriptHashes(): AstroIntegration {
  let srcDir = '';
  let outDir = '';
  return {
    name: 'duban:source-script-hashes',
    hooks: {
      'astro:config:done': ({ config }) => {
        srcDir = fileURLToPath(config.srcDir);
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:done': ({ dir, logger }) => {
        const hashes = sourceScriptHashesIn(srcDir);
        writeFileSync(join(outDir, 'inline-scripts.json'), `${JSON.stringify({ hashes }, null, 1)}\n`);
        const allowed = new Set(hashes);
        const site = fileURLToPath(dir);
        const blocked = filesUnder(site, '.html').filter((page) =>
          inlineScriptHashes(readFileSync(page, 'latin1'), 'latin1').some((hash) => !allowed.has(hash)),
        );
        logger.info(`源代码中的内联脚本 ${hashes.length} 段，已写入 inline-scripts.json（内容安全策略）`);
        if (blocked.length)
          logger.warn(
            `${blocked.length} 个页面含有源代码之外的内联脚本，浏览器不会运行（内容安全策略）：${blocked
              .slice(0, 10)
              .map((page) => relative(site, page))
              .join('、')}`,
          );
      },
    },
  };
}
