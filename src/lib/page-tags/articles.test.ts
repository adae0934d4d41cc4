import { describe, expect, it } from 'vitest';
import { bulletinArticle, caseArticle, messageArticle, siteOffice, taskArticle } from './articles.ts';

const names: Record<string, string> = { housing: '望澜区住房和城乡建设局', education: '望澜区教育局' };
const unitName = (id: string) => names[id] ?? id;
const office = '望澜区重点工作推进办公室';

describe('article tags', () => {
  it('date a task by its start and credit its lead unit', () => {
    expect(taskArticle({ title: '老旧小区加装电梯', start: '2026-01-10', leadUnit: 'housing' }, unitName)).toEqual({
      title: '老旧小区加装电梯',
      pubDate: '2026-01-10',
      source: '望澜区住房和城乡建设局',
    });
  });

  it('credit a case to the bulletin that published it', () => {
    expect(caseArticle({ title: '窗口推诿', date: '2026-08-28' }, { issuer: '区委督查室' }, office)).toEqual({
      title: '窗口推诿',
      pubDate: '2026-08-28',
      source: '区委督查室',
    });
  });

  it('credit a case published without a bulletin to the office running the site', () => {
    expect(caseArticle({ title: '窗口推诿', date: '2026-08-28' }, undefined, office).source).toBe(office);
  });

  it('date a bulletin by its own date and credit its issuer', () => {
    expect(bulletinArticle({ title: '关于十月份重点工作推进情况的通报', date: '2026-11-05', issuer: '区委督查室' })).toEqual({
      title: '关于十月份重点工作推进情况的通报',
      pubDate: '2026-11-05',
      source: '区委督查室',
    });
  });

  it('date a message by the minute it was answered, in Beijing time, and credit the unit that answered', () => {
    const message = {
      title: '路灯不亮',
      unitName: '望澜区城市管理局',
      repliedAt: '2026-11-20T02:05:00Z',
      closedAt: '2026-11-21T01:00:00Z',
      submittedAt: '2026-11-18T00:00:00Z',
    };
    expect(messageArticle(message, office)).toEqual({ title: '路灯不亮', pubDate: '2026-11-20 10:05', source: '望澜区城市管理局' });
  });

  it('date a message closed without an answer (a repeat) by its closing, and credit the office when no unit had it', () => {
    const repeat = { title: '路灯不亮', unitName: null, repliedAt: null, closedAt: '2026-11-21T01:00:00Z', submittedAt: '2026-11-18T00:00:00Z' };
    expect(messageArticle(repeat, office)).toEqual({ title: '路灯不亮', pubDate: '2026-11-21 09:00', source: office });
  });

  it('name the 承办 office as the site’s publisher, or the 主办 one when there is none', () => {
    expect(siteOffice({ sponsor: '区政府办公室', organiser: '区重点工作推进办公室' })).toBe('区重点工作推进办公室');
    expect(siteOffice({ sponsor: '区政府办公室', organiser: undefined })).toBe('区政府办公室');
  });
});
