/**
 * Serves Decap CMS from the site itself: copies the prebuilt bundle of the `decap-cms` npm package
 * (the main file and the chunks it loads beside it) to public/admin/decap/ before dev or build.
 * No CDN is involved; the copy is refreshed when the package version changes.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export function selfHostedDecap(): AstroIntegration {
  return {
    name: 'duban:self-hosted-decap',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const pkg = createRequire(import.meta.url).resolve('decap-cms/package.json');
        const { version } = JSON.parse(readFileSync(pkg, 'utf8')) as { version: string };
        const dist = join(dirname(pkg), 'dist');
        const target = join(fileURLToPath(config.publicDir), 'admin', 'decap');
        const stamp = join(target, 'VERSION');
        if (existsSync(stamp) && readFileSync(stamp, 'utf8') === version) return;
        rmSync(target, { recursive: true, force: true });
        mkdirSync(target, { recursive: true });
        for (const file of readdirSync(dist)) {
          if (file === 'decap-cms.js' || /^\d+\.decap-cms\.js$/.test(file)) cpSync(join(dist, file), join(target, file));
        }
        writeFileSync(stamp, version);
        logger.info(`Decap CMS ${version} copied to public/admin/decap/`);
      },
    },
  };
}
