/** The content-change webhook (src/server/site-builds/hook.ts): the git host asks the server to rebuild its site. */
import type { APIRoute } from 'astro';
import { getRuntime } from '../../server/runtime';
import { clientAddressOf } from '../../server/http/client-address';
import { answerRebuildHook } from '../../server/site-builds/hook';
import { siteBuildsControl } from '../../server/site-builds/control';

export const prerender = false;

export const POST: APIRoute = async (context) => {
  const runtime = await getRuntime();
  return answerRebuildHook(context.request, clientAddressOf(context, runtime.config.trustedProxies), siteBuildsControl(), runtime.limiter);
};
