import type { WarningSettings } from '../content/schemas.ts';
import type { TaskRecord } from './types.ts';

/** The default thresholds, as the settings schema fills them in. */
export const defaultWarnings: WarningSettings = {
  deadlineYellowDays: 15,
  milestoneYellowDays: 7,
  weeklyCadenceDays: 7,
  monthlyCadenceDays: 31,
  staleGraceDays: 3,
};

/** A plausible task; tests override only what they are about. */
export function makeTask(overrides: Partial<TaskRecord> = {}): TaskRecord {
  return {
    code: 'WL-2026-001',
    title: '老旧小区加装电梯',
    ledger: 'annual',
    category: 'livelihood',
    leadLeader: { name: '王明', title: '副区长' },
    leadUnit: 'housing',
    responsibleUnits: [],
    supportingUnits: [],
    goal: '年内完成 40 部电梯加装',
    start: '2026-01-10',
    deadline: '2026-12-31',
    cadence: 'monthly',
    milestones: [],
    updates: [],
    ...overrides,
  };
}
