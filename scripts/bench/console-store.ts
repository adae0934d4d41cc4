/**
 * The console benchmark's store: N messages with their events and word indexes, written directly in
 * SQL in batches (a large city's year of online messages at 1,000,000), the same every run.
 */
import { sql, type Insertable } from 'kysely';
import type { MessagesTable } from '../../src/server/db/schema.ts';
import type { Runtime } from '../../src/server/runtime.ts';
import { rebuildTallies } from '../../src/server/messages/tallies.ts';
import { rebuildQueueCounts } from '../../src/server/messages/queue-counts.ts';
import { indexTexts } from '../../src/server/messages/text-search.ts';
import { today as chinaToday } from '../../src/lib/calendar/dates.ts';

const UNITS = ['water', 'housing', 'transport', 'education', 'health', 'urban-management', 'ecology', 'market-regulation', 'civil-affairs', 'lanxi-street'];
const TYPES = ['consultation', 'help', 'complaint', 'suggestion', 'report'];
const WORDS = ['路灯', '停水', '噪音', '垃圾', '井盖', '停车', '学校', '医院', '公交', '物业'];

/** Deterministic pseudo-random numbers, so every run builds the same store. */
let seed = 20261128;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const perDay = new Map<number, number>();
/** The day's next tracking-number sequence, as the real counter would give it. */
const nextOfDay = (day: Date) => {
  const n = (perDay.get(day.getTime()) ?? 0) + 1;
  perDay.set(day.getTime(), n);
  return n;
};

/** Fills the store with `count` messages and their events, then counts the running totals. */
export async function generateMessages(runtime: Runtime, count: number): Promise<void> {
  perDay.clear();
  const db = runtime.store.db;
  const started = Date.now();
  const today = chinaToday();
  const urgedAt = new Date().toISOString();
  const BATCH = 500;
  for (let from = 0; from < count; from += BATCH) {
    const messages: Insertable<MessagesTable>[] = [];
    for (let i = from; i < Math.min(count, from + BATCH); i += 1) {
      const day = new Date(Date.UTC(2026, 0, 1) + Math.floor((i / count) * 330) * 86_400_000);
      const at = new Date(day.getTime() + 2 * 3_600_000 + (i % 3600) * 1000).toISOString();
      const r = random();
      const state = r < 0.02 ? 'submitted' : r < 0.04 ? 'accepted' : r < 0.16 ? 'assigned' : r < 0.2 ? 'replied' : r < 0.97 ? 'closed' : 'rejected';
      const unit = state === 'submitted' || state === 'accepted' || state === 'rejected' ? null : pick(UNITS);
      const word = pick(WORDS);
      messages.push({
        number: `LY${day.toISOString().slice(0, 10).replaceAll('-', '')}-${String(nextOfDay(day)).padStart(4, '0')}`,
        type: pick(TYPES),
        state,
        target_unit: null,
        unit,
        task: null,
        title: `${word}问题反映 ${i}`,
        content: `关于${word}的问题已经持续一段时间，希望有关部门尽快处理。编号 ${i}。`,
        author_name: null,
        phone: `139${String(10_000_000 + i).slice(-8)}`,
        email: null,
        consent: random() < 0.8 ? 1 : 0,
        published: state === 'closed' && random() < 0.6 ? 1 : 0,
        channel: 'form',
        submitted_at: at,
        due_date: state === 'closed' || state === 'rejected' ? null : new Date(day.getTime() + 20 * 86_400_000).toISOString().slice(0, 10),
        reply: state === 'replied' || state === 'closed' ? `已处理${word}问题。` : null,
        replied_at: state === 'replied' || state === 'closed' ? at : null,
        closed_at: state === 'closed' ? new Date(day.getTime() + 10 * 86_400_000).toISOString() : null,
        rating: state === 'closed' && random() < 0.3 ? pick(['satisfied', 'basically_satisfied', 'unsatisfied']) : null,
        rating_comment: null,
        query_code_hash: 'bench',
        idempotency_hash: `bench-${i}`,
        content_hash: 'bench',
        updated_at: at,
        public_text: null,
      });
    }
    for (const m of messages) if (m.published) m.public_text = `${m.number}\n${m.title}\n${m.content}\n${m.reply}`.toLowerCase();
    await db.transaction().execute(async (trx) => {
      const ids = await trx.insertInto('messages').values(messages).returning(['id', 'state', 'submitted_at', 'unit']).execute();
      const dialect = runtime.store.dialect;
      await indexTexts(
        trx,
        dialect,
        'message_words',
        ids.map((m, k) => ({ id: m.id, text: `${messages[k]!.title}\n${messages[k]!.content}` })),
      );
      await indexTexts(
        trx,
        dialect,
        'board_words',
        ids.flatMap((m, k) => (messages[k]!.public_text ? [{ id: m.id, text: messages[k]!.public_text! }] : [])),
      );
      const events = ids.flatMap((m, k) => {
        const base = {
          message_id: m.id,
          at: m.submitted_at,
          actor: null,
          note: null,
          internal_note: null,
          new_due: null,
          rating: null,
          limit_days: null,
          reply: null,
          repeat_of: null,
          prev_hash: null,
          hash: null,
          unit: null as string | null,
        };
        const list: (typeof base & { event: string; role: string; from_state: string | null; to_state: string })[] = [
          { ...base, event: 'submit', role: 'citizen', from_state: null, to_state: 'submitted' },
        ];
        if (m.state !== 'submitted' && m.state !== 'rejected')
          list.push({ ...base, event: 'accept', role: 'dispatcher', from_state: 'submitted', to_state: 'accepted' });
        if (m.unit) list.push({ ...base, event: 'assign', role: 'dispatcher', from_state: 'accepted', to_state: 'assigned', unit: m.unit });
        if (m.state === 'replied' || m.state === 'closed') list.push({ ...base, event: 'reply', role: 'handler', from_state: 'assigned', to_state: 'replied' });
        if (m.state === 'closed') list.push({ ...base, event: 'approve', role: 'dispatcher', from_state: 'replied', to_state: 'closed' });
        // A running server urges what is overdue every few days: the store is as it would be after today's sweep, so starting the server does not urge a year's backlog at once.
        const due = messages[k]!.due_date;
        if (due && due < today && (m.state === 'submitted' || m.state === 'accepted' || m.state === 'assigned'))
          list.push({ ...base, at: urgedAt, event: 'urge', role: 'system', from_state: m.state, to_state: m.state });
        return list;
      });
      for (let e = 0; e < events.length; e += 500)
        await trx
          .insertInto('message_events')
          .values(events.slice(e, e + 500))
          .execute();
    });
    if ((from / BATCH) % 200 === 0)
      process.stdout.write(`  ${from.toLocaleString()} / ${count.toLocaleString()} messages (${Math.round((Date.now() - started) / 1000)} s)\n`);
  }
  process.stdout.write(`  generated ${count.toLocaleString()} messages in ${Math.round((Date.now() - started) / 1000)} s; counting the running totals…\n`);
  // Statistics first: without them PostgreSQL plans the recount's event reads as scans of every event.
  await sql`analyze`.execute(db);
  await db.transaction().execute((trx) => rebuildTallies(trx, runtime.rules));
  await db.transaction().execute((trx) => rebuildQueueCounts(trx, runtime));
  await sql`analyze`.execute(db);
}
