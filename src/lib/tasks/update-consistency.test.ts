import { describe, expect, it } from 'vitest';
import { updateProblems } from './update-consistency.ts';

const milestones = [
  { name: '开工建设', due: '2026-09-11', done: '2026-09-09' },
  { name: '主体完工', due: '2026-11-04' },
];

describe('updateProblems', () => {
  it('accepts updates that follow the milestones', () => {
    expect(
      updateProblems({
        milestones,
        updates: [
          { date: '2026-09-09', text: '完成「开工建设」节点。「主体完工」阶段工作持续推进。' },
          { date: '2026-11-10', text: '「主体完工」节点已逾期，正在抢工。' },
        ],
      }),
    ).toEqual([]);
  });

  it('names a later stage described while an earlier milestone is overdue', () => {
    expect(updateProblems({ milestones, updates: [{ date: '2026-11-13', text: '「收尾验收」阶段各项工作正在落实。' }] })).toEqual([
      '2026-11-13 的推进动态写的是「收尾验收」阶段，但此前的节点「主体完工」当时还没有完成',
    ]);
  });

  it('names a milestone reported done before it was', () => {
    expect(updateProblems({ milestones, updates: [{ date: '2026-09-01', text: '完成「开工建设」节点。' }] })).toEqual([
      '2026-09-01 的推进动态说完成了「开工建设」，但这个节点在 2026-09-09 才完成',
    ]);
  });

  it('names a stage still described as in hand after it was done', () => {
    expect(updateProblems({ milestones, updates: [{ date: '2026-10-01', text: '围绕「开工建设」节点倒排工期。' }] })).toEqual([
      '2026-10-01 的推进动态写的是「开工建设」阶段，但这个节点在 2026-09-09 已经完成',
    ]);
  });
});
