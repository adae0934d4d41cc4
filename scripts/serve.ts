/**
 * npm run serve: start the message store first (migrations, durability check, calendar sync),
 * then the built site's server on HOST:PORT. A store that could lose acknowledged messages stops
 * the server here, before it listens, with the reason.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getRuntime } from '../src/server/runtime.ts';

const root = join(import.meta.dirname, '..');
const entry = join(root, process.env.DUBAN_OUT_DIR ?? 'dist', 'server', 'entry.mjs');
if (!existsSync(entry)) {
  console.error(`找不到 ${entry}：请先运行 npm run build。`);
  process.exit(1);
}

try {
  const runtime = await getRuntime();
  console.log(`留言存储：${runtime.store.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}（${runtime.store.location}）`);
} catch (error) {
  console.error(`\n无法启动：${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const server = (await import(pathToFileURL(entry).href)) as { startServer: () => { server: { close(): void }; done: Promise<void> } };
const started = server.startServer();

const stop = async () => {
  const runtime = await getRuntime();
  await runtime.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
await started.done;
