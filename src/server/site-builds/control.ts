/**
 * What the pages of the built site may know of and ask of the server's builds: the stamp of the build being
 * served and the rebuilds' state (for /healthz), and a rebuild (for the webhook). scripts/serve.ts sets it;
 * it is kept on globalThis because the server bundle has its own copy of this module (like the runtime).
 */
import type { BuildStamp } from './folders.ts';
import type { RebuildStatus, RebuildTrigger } from './rebuilder.ts';

export interface SiteBuildsControl {
  served(): BuildStamp | null;
  /** Null when the server does not rebuild itself (no daily time and no webhook secret). */
  rebuilds(): RebuildStatus | null;
  /** The webhook's shared secret (REBUILD_HOOK_SECRET); null when the webhook is off. */
  hookSecret: string | null;
  request(trigger: RebuildTrigger): 'started' | 'queued' | 'stopped';
}

const KEY = Symbol.for('duban.site-builds');
type Holder = { [KEY]?: SiteBuildsControl };

export function setSiteBuildsControl(control: SiteBuildsControl): void {
  (globalThis as Holder)[KEY] = control;
}

/** Null when the site runs without scripts/serve.ts (`astro dev`, tests that load the bundle alone). */
export function siteBuildsControl(): SiteBuildsControl | null {
  return (globalThis as Holder)[KEY] ?? null;
}
