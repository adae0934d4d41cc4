/**
 * The server the browser tests run against: a fresh message store in E2E_DATA_DIR seeded with the
 * demo messages, then the same start-up as `npm run serve`.
 */
import { rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dataDir = process.env.DATA_DIR ?? join(root, 'node_modules', '.e2e-data');
rmSync(dataDir, { recursive: true, force: true });
// No daily rebuild: the tests' site is built for a fixed day, and a rebuild at 00:01 in China would only load the machine.
process.env.REBUILD_DAILY_AT ??= 'off';
process.env.DUBAN_BUILDS_DIR ??= join(root, 'node_modules', '.e2e-builds');
const env = { ...process.env, DATA_DIR: dataDir };
const seeded = spawnSync(process.execPath, [join(root, 'scripts', 'demo-messages.ts')], { env, stdio: 'inherit' });
if (seeded.status !== 0) process.exit(seeded.status ?? 1);
process.env.DATA_DIR = dataDir;
await import('./serve.ts');
