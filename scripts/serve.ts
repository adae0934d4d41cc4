/**
 * npm run serve: start the message store first (migrations, durability check, calendar sync),
 * then the built site's handler behind the front door (src/server/http/front-door.ts) on HOST:PORT.
 * A store that could lose acknowledged messages stops the server here, before it listens, with the reason.
 */
import { existsSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getRuntime, startHousekeeping } from '../src/server/runtime.ts';
import { createFrontDoor } from '../src/server/http/front-door.ts';
import { countAdmins } from '../src/server/auth/accounts.ts';

const root = join(import.meta.dirname, '..');
const entry = join(root, process.env.DUBAN_OUT_DIR ?? 'dist', 'server', 'entry.mjs');
if (!existsSync(entry)) {
  console.error(`找不到 ${entry}：请先运行 npm run build。`);
  process.exit(1);
}

let runtime: Awaited<ReturnType<typeof getRuntime>>;
let stopHousekeeping: () => void;
try {
  runtime = await getRuntime();
  console.log(`留言存储：${runtime.store.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}（${runtime.store.location}）`);
  stopHousekeeping = await startHousekeeping(runtime);
  if ((await countAdmins(runtime.store.db)) === 0)
    console.log(
      '\n督办台（/console/）还没有管理员账号。创建第一个管理员：\n  npm run user -- add --role admin --name 姓名 --login 登录名\n它会显示一次性密码，首次登录时须改为自己的密码。\n',
    );
} catch (error) {
  console.error(`\n无法启动：${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

// The built entry starts a server of its own unless told not to; we only want its handler.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = (await import(pathToFileURL(entry).href)) as { handler: RequestListener };
const { host, port, requestTimeoutMs } = runtime.config;
const server = createFrontDoor(handler, { requestTimeoutMs });
server.listen(port, host, () => console.log(`网站已启动：http://${host.includes(':') ? `[${host}]` : host}:${port}/`));
server.on('error', (error) => {
  console.error(`\n无法监听 ${host}:${port}：${error.message}\n`);
  process.exit(1);
});

const stop = async () => {
  stopHousekeeping();
  server.close();
  server.closeAllConnections();
  await runtime.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
