/**
 * Demo messages for the fictional district, so a fresh `npm start` shows a living reply board and
 * statistics. Runs only on a demo site (settings with a demoNotice) whose store holds no messages at all. Every message goes through the same commands as real ones (submit with a
 * solved proof of work, then accept, assign, reply, approve, publish, rate), back-dated over the year.
 */
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { addDays, today } from '../src/lib/calendar/dates.ts';
import { addWorkingDays } from '../src/lib/calendar/working-days.ts';
import { newChallenge } from '../src/server/anti-abuse/altcha.ts';
import { act, type ActionEvent, type ActionInput } from '../src/server/messages/commands/index.ts';
import type { Actor } from '../src/lib/messages/permissions.ts';
import { submitMessage } from '../src/server/messages/commands/submit.ts';
import { createRuntime } from '../src/server/runtime.ts';
import { SAMPLES } from './demo/message-samples.ts';
import { loadDistrictRules } from '../src/data/district-rules.ts';

/** The demo's supervision office, acting through the same commands a signed-in dispatcher would. */
const DISPATCHER: Actor = { kind: 'staff', role: 'dispatcher', accountId: 'demo-dispatcher' };
const NAMES = ['张建国', '李秀英', '王磊', '刘芳', '陈志强', '杨丽', '赵伟', '黄敏', '周杰', '吴静', null];
const COUNT = Number(process.env.DUBAN_DEMO_MESSAGES ?? 90);

// Only a demo site gets demo messages: a real deployment clears `demoNotice` in its settings.
if (!loadDistrictRules().settings.demoNotice) {
  console.log('演示留言：站点设置中没有演示提示（demoNotice），这不是演示站点，不添加演示留言。');
  process.exit(0);
}

const runtime = await createRuntime({ ...process.env, RATE_LIMIT_PER_CLIENT: '1000000', RATE_LIMIT_TOTAL: '1000000', ALTCHA_COST: '20' });
try {
  const existing = await runtime.store.db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) {
    console.log(`演示留言：存储中已有 ${existing.n} 条留言，不再添加。`);
  } else {
    let seed = 20261123;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const end = today();
    const { calendar } = runtime.rules;
    const workdayAfter = (day: string, n: number) => {
      const count = addWorkingDays(calendar, day, n);
      return count.ok ? count.due : addDays(day, n);
    };
    const at = (day: string, hour: number) => `${day}T${String(hour - 8).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00.000Z`;
    let created = 0;
    for (let i = 0; i < COUNT; i += 1) {
      const sample = SAMPLES[i % SAMPLES.length]!;
      const submitted = addDays('2026-01-05', Math.floor((i / COUNT) * 320) + Math.floor(random() * 3));
      if (submitted > end) break;
      const name = pick(NAMES);
      const challenge = await newChallenge(runtime.secret, 20);
      const solution = await solveChallenge({ challenge, deriveKey });
      const result = await submitMessage(runtime, {
        fields: {
          type: sample.type,
          unit: sample.unit,
          task: sample.task ?? '',
          title: sample.title,
          content: sample.content,
          name,
          phone: `1390000${String(1000 + i)}`,
          consent: random() < 0.85,
        },
        choices: { types: runtime.rules.settings.messages.types.map((t) => t.id), units: [sample.unit], tasks: sample.task ? [sample.task] : [] },
        channel: 'form',
        client: 'demo',
        idempotencyKey: null,
        proof: { kind: 'pow', payload: Buffer.from(JSON.stringify({ challenge, solution })).toString('base64') },
        at: at(submitted, 9 + Math.floor(random() * 9)),
      });
      if (result.kind !== 'created') throw new Error(`demo message ${i}: ${JSON.stringify(result)}`);
      created += 1;
      const handler: Actor = { kind: 'staff', role: 'handler', accountId: `demo-${sample.unit}`, unitCode: sample.unit };
      const step = async <E extends ActionEvent>(day: string, actor: Actor, event: E, input: ActionInput<E>) => {
        if (day > end) return false;
        const done = await act(runtime, actor, result.number, event, input, { at: at(day, 10 + Math.floor(random() * 7)) });
        if (!done.ok) throw new Error(`${result.number} ${event}: ${done.message}`);
        return true;
      };
      if (random() < 0.04) {
        await step(workdayAfter(submitted, 1), DISPATCHER, 'reject', { reason: '反映的事项属于司法诉讼程序，请通过法定途径办理。' });
        continue;
      }
      const accepted = workdayAfter(submitted, 1);
      if (!(await step(accepted, DISPATCHER, 'accept', {}))) continue;
      const assigned = workdayAfter(accepted, random() < 0.7 ? 1 : 2);
      if (!(await step(assigned, DISPATCHER, 'assign', { unit: sample.unit }))) continue;
      const limit = runtime.rules.deadlines.limits[sample.type] ?? 15;
      const late = random() < 0.15;
      if (late && random() < 0.5) {
        // The unit asks (申请延期); the office grants it with a reason for the public.
        const newDue = workdayAfter(assigned, limit + 8);
        await step(workdayAfter(assigned, limit - 3), handler, 'request_extension', { newDue, reason: '涉及多个部门，需会同现场核查后才能答复。' });
        await step(workdayAfter(assigned, limit - 2), DISPATCHER, 'extend', { newDue, reason: '需会同多个部门现场核查，经批准延期。' });
      }
      const replied = workdayAfter(assigned, late ? limit + 2 + Math.floor(random() * 6) : 2 + Math.floor(random() * (limit - 2)));
      if (!(await step(replied, handler, 'reply', { reply: sample.reply }))) continue;
      const closed = workdayAfter(replied, 1);
      if (!(await step(closed, DISPATCHER, 'approve', {}))) continue;
      const published = await runtime.store.db.selectFrom('messages').select('consent').where('number', '=', result.number).executeTakeFirstOrThrow();
      if (published.consent === 1) {
        await step(workdayAfter(closed, 1), DISPATCHER, 'redact', {});
        await step(workdayAfter(closed, 1), DISPATCHER, 'publish', {});
      }
      if (random() < 0.65) {
        const r = random();
        await step(workdayAfter(closed, 2), { kind: 'citizen' }, 'rate', {
          rating: r < 0.6 ? 'satisfied' : r < 0.88 ? 'basically_satisfied' : 'unsatisfied',
          comment: r < 0.6 ? '办理及时，谢谢。' : r < 0.88 ? null : '问题还没有完全解决。',
        });
      }
    }
    console.log(`演示留言：已添加 ${created} 条虚构留言（望澜区为虚构地区）。`);
  }
} finally {
  await runtime.stop();
}
