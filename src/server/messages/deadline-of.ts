/** The stored due day of a message, from its events and the server's settings; recomputed after every change. */
import { deadlineOf, dueDate } from '../../lib/messages/deadlines.ts';
import type { EventRecord } from '../../lib/messages/types.ts';
import type { ServerConfig } from '../config.ts';

export function storedDueDate(config: ServerConfig, message: { type: string; events: EventRecord[] }): string | null {
  return dueDate(deadlineOf(message, config.deadlines, config.calendar));
}
