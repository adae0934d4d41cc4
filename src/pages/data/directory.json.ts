import type { APIRoute } from 'astro';
import { loadBoard } from '../../data/board';
import { directoryFile } from '../../data/directory';

/** The units and the tasks' titles and lead units, for the server's on-demand pages (src/data/directory.ts); open data like the rest of /data/. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(directoryFile(await loadBoard())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
