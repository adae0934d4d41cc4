/** The content-change webhook (src/server/site-builds/hook.ts): the git host asks the server to rebuild its site. */
import type { APIRoute } from 'astro';
import { answerRebuildHook } from '../../server/site-builds/hook';
import { siteBuildsControl } from '../../server/site-builds/control';

export const prerender = false;

export const POST: APIRoute = ({ request }) => answerRebuildHook(request, siteBuildsControl());
