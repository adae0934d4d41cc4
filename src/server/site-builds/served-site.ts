/**
 * The built site the server is answering with: the Astro handler of the build's server bundle and the
 * serving of its files (src/server/http/site-serving.ts), taken from one build folder together. The front
 * door asks for the current one once per request, so a request is answered wholly by one build, and a switch
 * (rebuilder.ts) takes effect for the requests that start after it.
 *
 * Each build's bundle is imported from its own folder, so it gets modules of its own; Node cannot unload the
 * old ones, which stay in memory (about 1 MB of heap a rebuild, measured in decision 021) until the next restart.
 */
import type { RequestListener } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSiteServing, type SiteServing } from '../http/site-serving.ts';
import { readStamp, serverEntryOf, type BuildStamp } from './folders.ts';

export interface ServedSite {
  dir: string;
  stamp: BuildStamp | null;
  handler: RequestListener;
  serving: SiteServing;
}

export async function loadServedSite(dir: string, { siteUrl, log }: { siteUrl: string; log?: (line: string) => void }): Promise<ServedSite> {
  // Only the built entry's handler is wanted: in middleware mode (astro.config.mjs) it starts no server, and this keeps it so.
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  const { handler } = (await import(pathToFileURL(serverEntryOf(dir)).href)) as { handler?: RequestListener };
  if (typeof handler !== 'function') throw new Error('服务端入口没有导出 handler');
  return { dir, stamp: readStamp(dir), handler, serving: createSiteServing(join(dir, 'client'), { siteUrl, ...(log && { log }) }) };
}
