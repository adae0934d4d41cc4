/**
 * npm run cms: local editing. Starts Decap's local proxy (writes content files in this checkout)
 * and the dev site, so an editor can open http://localhost:4321/admin/, write, and see the result.
 * Stops both on Ctrl+C or when either stops.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const proxyPort = process.env.DUBAN_CMS_PROXY_PORT ?? '8081';
const proxyUrl = `http://localhost:${proxyPort}/api/v1`;

const children: ChildProcess[] = [
  spawn(bin('decap-server'), [], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PORT: proxyPort, BIND_HOST: '127.0.0.1', MODE: 'fs', GIT_REPO_DIRECTORY: root },
  }),
  spawn(bin('astro'), ['dev'], { cwd: root, stdio: 'inherit', env: { ...process.env, DUBAN_CMS_PROXY_URL: proxyUrl } }),
];

console.log('\n内容管理：打开 http://localhost:4321/admin/ 编辑内容；保存后文件写入 content/，用 git 提交即可发布。按 Ctrl+C 退出。\n');

const stop = () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
};
for (const child of children) child.on('exit', stop);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
