/**
 * Publishes the sitemap index also as /sitemap.xml, the address crawlers and people try first.
 * Runs after @astrojs/sitemap, which names its index sitemap-index.xml.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export function sitemapAlias(): AstroIntegration {
  return {
    name: 'duban:sitemap-alias',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const index = fileURLToPath(new URL('sitemap-index.xml', dir));
        if (!existsSync(index)) return logger.warn('sitemap-index.xml not found; /sitemap.xml not written');
        copyFileSync(index, fileURLToPath(new URL('sitemap.xml', dir)));
      },
    },
  };
}
