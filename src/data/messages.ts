/**
 * Glue between the message pages and the server: the runtime, the choices a citizen may pick
 * (from the same content the static site is built from), the view context, and the client's
 * address. Pages call these and render; the rules live in src/lib/messages and src/server.
 */
import type { AstroGlobal } from 'astro';
import { today } from '../lib/calendar/dates.ts';
import type { SubmissionChoices } from '../lib/messages/submission.ts';
import type { ViewContext } from '../lib/messages/public-view.ts';
import { getRuntime, type Runtime } from '../server/runtime.ts';
import { loadBoard } from './board.ts';

export { getRuntime, type Runtime };

let choices: Promise<SubmissionChoices> | undefined;

/** What a citizen may pick: the settings' types, the content's units and tasks. The same object every time, so validation reuses its schema. */
export function messageChoices(runtime: Runtime): Promise<SubmissionChoices> {
  choices ??= loadBoard().then((board) => ({
    types: runtime.rules.settings.messages.types.map((t) => t.id),
    units: board.units.map((u) => u.id),
    tasks: board.tasks.map((t) => t.code),
  }));
  return choices;
}

export async function viewContext(runtime: Runtime): Promise<ViewContext> {
  const board = await loadBoard();
  const types = new Map(runtime.rules.settings.messages.types.map((t) => [t.id, t.label]));
  return {
    asOf: today(),
    deadlines: runtime.rules.deadlines,
    calendar: runtime.rules.calendar,
    typeLabel: (id) => types.get(id) ?? id,
    unitName: (id) => board.unitById.get(id)?.name ?? id,
  };
}

/** The client's address for rate limits: the socket's, or the first X-Forwarded-For hop when TRUST_PROXY is set. */
export function clientAddress(astro: Pick<AstroGlobal, 'request' | 'clientAddress'>, runtime: Runtime): string {
  if (runtime.config.trustProxy) {
    const forwarded = astro.request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return astro.clientAddress ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Responses about a person's own message are never cached by browsers or proxies. */
export function noStore(headers: Headers): void {
  headers.set('Cache-Control', 'no-store');
  headers.set('Referrer-Policy', 'same-origin');
}
