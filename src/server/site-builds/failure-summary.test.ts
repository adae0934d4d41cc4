import { describe, expect, it } from 'vitest';
import { failureSummary, withoutPaths } from './failure-summary.ts';

// Output as a failed scripts/build.ts prints it (colours stripped), from two real broken content folders.
const schemaError = [
  '08:01:14 [@astrojs/node] Enabling sessions with filesystem storage',
  '08:01:16 [content] Syncing content',
  '[InvalidContentEntryDataError] tasks → MS-2026-001-01 data does not match collection schema.',
  '  deadline: 截止日期应为日期，格式 YYYY-MM-DD，例如 2026-09-30；实际为「十月底」',
  '  Hint:',
  '    See https://docs.astro.build/en/guides/content-collections/ for more information on content schemas.',
  '  Location:',
  '    /srv/duban/content/tasks/MS-2026-001-01.md:0:0',
  '  Stack trace:',
  '    at getEntryData (/srv/duban/node_modules/astro/dist/content/utils.js:126:9)',
  '构建失败：Astro 构建退出码 1',
];
const referenceError = [
  '08:01:28 [vite] ✓ built in 392ms',
  ' prerendering static routes ',
  '内容文件有 1 处错误，请修改后重新构建：',
  '  content/tasks/MS-2026-001-01.md',
  '    字段 leadUnit：找不到单位「nosuchunit」，应为 content/units/ 中已有文件的文件名（不含扩展名）',
  '  Stack trace:',
  '    at load (file:///srv/duban/builds/20261129-000105-daily/server/.prerender/chunks/board_CrD8L8bK.mjs:1293:33)',
  '构建失败：Astro 构建退出码 1',
];

describe('failureSummary', () => {
  it('gives the schema error and its explanation, not the hint or the stack', () => {
    expect(failureSummary(schemaError)).toBe(
      '[InvalidContentEntryDataError] tasks → MS-2026-001-01 data does not match collection schema. deadline: 截止日期应为日期，格式 YYYY-MM-DD，例如 2026-09-30；实际为「十月底」',
    );
  });

  it('gives the content check with the file and the field', () => {
    const summary = failureSummary(referenceError);
    expect(summary).toContain('内容文件有 1 处错误');
    expect(summary).toContain('content/tasks/MS-2026-001-01.md');
    expect(summary).toContain('找不到单位「nosuchunit」');
    expect(summary).not.toContain('board_CrD8L8bK');
  });

  it('names no folder of the machine once the paths are taken out', () => {
    const dirs = ['/srv/duban', '/var/lib/duban-content/'];
    const summary = withoutPaths(failureSummary(["Error: EACCES: permission denied, open '/srv/duban/builds/x/client/index.html'"]), dirs);
    expect(summary).toBe("Error: EACCES: permission denied, open 'builds/x/client/index.html'");
    expect(withoutPaths('[InvalidContentEntryDataError] 位置 /var/lib/duban-content/tasks/MS-2026-001.md:0:0', dirs)).toBe(
      '[InvalidContentEntryDataError] 位置 tasks/MS-2026-001.md:0:0',
    );
    expect(withoutPaths("fatal: detected dubious ownership in repository at '/home/ops/site'", dirs)).toBe(
      "fatal: detected dubious ownership in repository at '…'",
    );
    expect(withoutPaths('at load (file:///opt/other/board.mjs:12:3)，见 https://docs.astro.build/en/reference/errors/', dirs)).toBe(
      'at load (…)，见 https://docs.astro.build/en/reference/errors/',
    );
    expect(withoutPaths('deadline: 实际为「十月底」 1/2', dirs)).toBe('deadline: 实际为「十月底」 1/2');
  });

  it('falls back to the last specific line, and says when there is none', () => {
    expect(failureSummary(['Indexing…', 'Killed', '构建失败：预压缩退出码 137'])).toBe('Killed');
    expect(failureSummary(['构建失败：Astro 构建退出码 1'])).toBe('构建没有给出原因（详见服务器日志）');
  });

  it('keeps a long error short', () => {
    const summary = failureSummary([`[ERROR] ${'很长的错误说明'.repeat(200)}`]);
    expect(summary.length).toBe(400);
    expect(summary.endsWith('…')).toBe(true);
  });
});
