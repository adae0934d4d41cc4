/**
 * Stamps the build: when it was made, from which version and commit. The stamp is compiled into the
 * server bundle (a Vite `define`, `__DUBAN_BUILD__`), so the server always reports the build it is
 * running, even after dist/ is replaced under it; `/healthz` shows it and the build's age.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { BuildStamp } from '../server/health.ts';

function commitOf(root: string): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
}

export function buildStamp(): AstroIntegration {
  return {
    name: 'duban:build-stamp',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const root = fileURLToPath(config.root);
        const { version } = JSON.parse(readFileSync(new URL('package.json', config.root), 'utf8')) as { version: string };
        const stamp: BuildStamp = { builtAt: new Date().toISOString(), version, commit: commitOf(root) };
        updateConfig({ vite: { define: { __DUBAN_BUILD__: JSON.stringify(stamp) } } });
      },
    },
  };
}
