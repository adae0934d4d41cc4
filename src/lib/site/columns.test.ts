import { describe, expect, it } from 'vitest';
import { COLUMNS, columnOfPath, MENU } from './columns.ts';

describe('the columns (栏目)', () => {
  it('claim every page under their path, list and content pages alike', () => {
    expect(columnOfPath('/tasks/')?.name).toBe('公示栏');
    expect(columnOfPath('/tasks/unit/housing/deadline/2/')?.name).toBe('公示栏');
    expect(columnOfPath('/tasks/WL-2026-014/')?.name).toBe('公示栏');
    expect(columnOfPath('/exposures/e-2026-001/')?.name).toBe('曝光台');
    expect(columnOfPath('/bulletins/db-2026-01/')?.name).toBe('督查通报');
    expect(columnOfPath('/units/housing/')?.name).toBe('责任单位');
    expect(columnOfPath('/ranking/2026-10/')?.name).toBe('月排位');
    expect(columnOfPath('/supervision/s-2026-015/')?.name).toBe('督办记录');
    expect(columnOfPath('/supervision/reminders/')?.name).toBe('督办记录');
  });

  it('count an address without its closing slash, as the served message pages have it', () => {
    expect(columnOfPath('/messages')?.name).toBe('网民留言');
    expect(columnOfPath('/messages/new')?.name).toBe('网民留言');
    expect(columnOfPath('/messages/LY20261120001')?.name).toBe('网民留言');
  });

  it('leave out pages that belong to no column, and addresses that only begin like one', () => {
    for (const path of ['/', '/search/', '/about/', '/privacy/', '/sitemap/', '/404', '/console/sign-in', '/tasksx/'])
      expect(columnOfPath(path), path).toBeUndefined();
  });

  it('file what the government publishes under 政务公开 and the citizens’ messages under 互动交流', () => {
    expect(Object.fromEntries(COLUMNS.map((c) => [c.id, c.type]))).toEqual({
      tasks: '政务公开',
      supervision: '政务公开',
      units: '政务公开',
      exposures: '政务公开',
      bulletins: '政务公开',
      ranking: '政务公开',
      messages: '互动交流',
    });
  });

  it('each have a description and keywords for their tags', () => {
    for (const c of COLUMNS) {
      expect(c.description.length, c.name).toBeGreaterThan(10);
      expect(c.keywords.length, c.name).toBeGreaterThan(0);
      expect(c.path, c.name).toMatch(/^\/[a-z]+\/$/);
    }
  });

  it('give the menu its order: home, the columns, then search and the rules', () => {
    expect(MENU.map((m) => m.label)).toEqual(['首页', '公示栏', '督办记录', '责任单位', '曝光台', '督查通报', '月排位', '网民留言', '搜索', '数据说明']);
  });
});
