/** The stored due day of a message: `deadlineOf` over its events and the district's calendar. The column is only its index; every command writes it. */
import { deadlineOf, dueDate } from '../../lib/messages/deadlines.ts';
import type { EventRecord } from '../../lib/messages/types.ts';
import type { DistrictRules } from '../../data/district-rules.ts';

export function storedDueDate(rules: Pick<DistrictRules, 'deadlines' | 'calendar'>, message: { type: string; events: EventRecord[] }): string | null {
  return dueDate(deadlineOf(message, rules.deadlines, rules.calendar));
}
