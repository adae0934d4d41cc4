// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';

/**
 * Content pages are prerendered to static files (dist/client) that any web server can serve;
 * the Node server (dist/server/entry.mjs) serves them too, and later the on-demand message pages.
 */
export default defineConfig({
  site: process.env.DUBAN_SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  server: { port: 4321 },
  trailingSlash: 'ignore',
  build: { inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  telemetry: false,
});
