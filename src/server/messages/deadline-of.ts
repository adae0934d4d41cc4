/** The stored due day of a message: the deadline it is working to now (`stageDeadline`: intake, then reply) over its events and the district's calendar. The column is only its index; every command writes it. */
import { stageDeadline } from '../../lib/messages/deadlines.ts';
import type { EventRecord } from '../../lib/messages/types.ts';
import type { MessageState } from '../../lib/messages/state-machine.ts';
import type { DistrictRules } from '../../data/district-rules.ts';

export function storedDueDate(
  rules: Pick<DistrictRules, 'deadlines' | 'calendar'>,
  message: { type: string; state: MessageState; events: EventRecord[] },
): string | null {
  return stageDeadline(message, rules.deadlines, rules.calendar)?.due ?? null;
}
