/** A fresh proof-of-work challenge for the ALTCHA widget on the message form. */
import type { APIRoute } from 'astro';
import { getRuntime } from '../../data/messages';
import { newChallenge } from '../../server/anti-abuse/altcha';

export const prerender = false;

export const GET: APIRoute = async () => {
  const runtime = await getRuntime();
  const challenge = await newChallenge(runtime.secret, runtime.config.altchaCost);
  return new Response(JSON.stringify(challenge), { headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } });
};
