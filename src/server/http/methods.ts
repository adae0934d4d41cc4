/**
 * Which HTTP methods each address answers, in one table: every page and file is read with GET and
 * HEAD; only the forms and the Open311 create call take POST, and the rebuild webhook takes nothing else. Anything else (PUT, DELETE, PATCH,
 * TRACE, CONNECT, a method nobody has heard of) gets 405 with the `Allow` header, before the request
 * reaches a page. OPTIONS is answered with the same `Allow`.
 */

/** Addresses that take a POST: the message form, tracking, rating and asking for a new query code, Open311 service requests, and the staff console's forms. */
const POST_ROUTES = [/^\/messages\/(?:new|track|rate|resend-code)\/?$/, /^\/open311\/v2\/requests\.(?:json|xml)$/, /^\/console\/[A-Za-z0-9/-]*$/];

const READ = ['GET', 'HEAD', 'OPTIONS'] as const;
const READ_AND_POST = ['GET', 'HEAD', 'POST', 'OPTIONS'] as const;

/** The content-change webhook is called, never read. */
const HOOK = /^\/hooks\/rebuild\/?$/;
const POST_ONLY = ['POST', 'OPTIONS'] as const;

export function allowedMethods(pathname: string): readonly string[] {
  if (HOOK.test(pathname)) return POST_ONLY;
  return POST_ROUTES.some((route) => route.test(pathname)) ? READ_AND_POST : READ;
}

export type MethodVerdict = { kind: 'pass' } | { kind: 'options'; allow: string } | { kind: 'refuse'; allow: string };

/** What to do with `method` on `pathname` (the path of the request target, without the query). */
export function methodVerdict(method: string, pathname: string): MethodVerdict {
  const allowed = allowedMethods(pathname);
  const allow = allowed.join(', ');
  if (method === 'OPTIONS') return { kind: 'options', allow };
  return allowed.includes(method) ? { kind: 'pass' } : { kind: 'refuse', allow };
}
