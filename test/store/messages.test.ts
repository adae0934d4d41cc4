import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime, type Runtime } from '../../src/server/runtime.ts';
import { submitMessage, type SubmitInput } from '../../src/server/messages/commands/submit.ts';
import { act } from '../../src/server/messages/commands/index.ts';
import { loadMessage } from '../../src/server/messages/repository.ts';
import { newQuestion } from '../../src/server/anti-abuse/fallback-check.ts';
import { newChallenge } from '../../src/server/anti-abuse/altcha.ts';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { UnsafeStoreError } from '../../src/server/db/open.ts';
import { BACKENDS, backendEnv, CITIZEN, DISPATCHER, handlerOf, postgresReachable, solvedPayload, type Backend } from './harness.ts';

const choices = { types: ['consultation', 'help', 'complaint', 'suggestion', 'report'], units: ['housing', 'water'], tasks: [] };
const fields = {
  type: 'complaint',
  title: '小区电梯长期停运',
  content: '望澜小区 3 栋电梯停运已两周，老人上下楼困难。',
  phone: '13800000000',
  name: '王小明',
  consent: true,
};

for (const backend of BACKENDS) {
  describe(`message store on ${backend}`, () => {
    let runtime: Runtime;
    let cleanup: () => Promise<void>;
    let available = true;

    beforeAll(async () => {
      if (backend === 'postgres' && !(await postgresReachable())) {
        available = false;
        return;
      }
      const env = await backendEnv(backend);
      cleanup = env.cleanup;
      runtime = await createRuntime(env.env);
    });
    afterAll(async () => {
      await runtime?.stop();
      await cleanup?.();
    });

    const submit = async (overrides: Partial<SubmitInput> = {}) =>
      submitMessage(runtime, {
        fields,
        choices,
        channel: 'form',
        client: '203.0.113.9',
        idempotencyKey: null,
        proof: { kind: 'pow', payload: await solvedPayload(runtime.secret) },
        ...overrides,
      });

    const run = (name: string, fn: () => Promise<void>) =>
      it(name, async (ctx) => {
        if (!available) ctx.skip();
        await fn();
      });

    run('a submission gets a dated tracking number and a query code, and only hashes of secrets are stored', async () => {
      const result = await submit();
      expect(result.kind).toBe('created');
      if (result.kind !== 'created') return;
      expect(result.number).toMatch(/^LY\d{8}-\d{4}$/);
      expect(result.queryCode).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
      const stored = await loadMessage(runtime.store.db, result.number);
      expect(stored?.record.state).toBe('submitted');
      expect(stored?.record.events.map((e) => e.event)).toEqual(['submit']);
      expect(JSON.stringify(stored?.row)).not.toContain(result.queryCode);
    });

    run('the same form sent twice yields one message and the same receipt; a different message on the same form is refused', async () => {
      const key = 'form-key-0123456789abcdef';
      const first = await submit({ idempotencyKey: key });
      const again = await submit({ idempotencyKey: key });
      expect(first.kind).toBe('created');
      expect(again).toMatchObject({ kind: 'repeat', number: (first as { number: string }).number, queryCode: (first as { queryCode: string }).queryCode });
      const changed = await submit({ idempotencyKey: key, fields: { ...fields, title: '另一件事情的标题' } });
      expect(changed).toMatchObject({ kind: 'refused', status: 409 });
    });

    run('fifty simultaneous submissions get fifty distinct numbers', async () => {
      const results = await Promise.all(Array.from({ length: 50 }, () => submit()));
      const numbers = results.map((r) => (r.kind === 'created' ? r.number : r.kind));
      expect(new Set(numbers).size).toBe(50);
      expect(numbers.every((n) => n.startsWith('LY'))).toBe(true);
    });

    run('a used proof-of-work solution is refused, and a missing one is asked for', async () => {
      const payload = await solvedPayload(runtime.secret);
      expect((await submit({ proof: { kind: 'pow', payload } })).kind).toBe('created');
      expect(await submit({ proof: { kind: 'pow', payload }, fields: { ...fields, title: '第二条不同的留言' } })).toEqual({
        kind: 'invalid',
        errors: { check: '这次人机验证已经用过，请重新验证' },
      });
      expect(await submit({ proof: { kind: 'pow', payload: '' } })).toEqual({ kind: 'invalid', errors: { check: '请完成人机验证后再提交' } });
      expect(await submit({ proof: { kind: 'pow', payload: 'bm90IGpzb24=' } })).toEqual({ kind: 'invalid', errors: { check: '人机验证未通过，请重新验证' } });
      const stale = await newChallenge(runtime.secret, 50, Date.now() - 21 * 60_000);
      const staleSolution = await solveChallenge({ challenge: stale, deriveKey });
      const expired = Buffer.from(JSON.stringify({ challenge: stale, solution: staleSolution })).toString('base64');
      expect(await submit({ proof: { kind: 'pow', payload: expired } })).toEqual({ kind: 'invalid', errors: { check: '人机验证已过期，请重新验证' } });
    });

    run('the no-script question accepts the right answer once, and a wrong answer uses the question up', async () => {
      const numerals = '零一二三四五六七八九十';
      const asked = () => {
        const { question, token } = newQuestion(runtime.secret);
        const [a, b] = question
          .replace('等于多少？', '')
          .split('加')
          .map((n) => numerals.indexOf(n));
        return { token, sum: a! + b! };
      };
      const missed = asked();
      expect(await submit({ proof: { kind: 'question', token: missed.token, answer: String(missed.sum + 1) } })).toMatchObject({
        kind: 'invalid',
        errors: { check: '验证题答案不正确；已换了一道新题，请计算后填写' },
      });
      expect(await submit({ proof: { kind: 'question', token: missed.token, answer: String(missed.sum) } })).toMatchObject({
        kind: 'invalid',
        errors: { check: '这次人机验证已经用过，请重新验证' },
      });
      const { token, sum } = asked();
      expect((await submit({ proof: { kind: 'question', token, answer: String(sum) }, channel: 'form-noscript' })).kind).toBe('created');
      expect((await submit({ proof: { kind: 'question', token, answer: String(sum) }, fields: { ...fields, title: '再用一次同一道题' } })).kind).toBe(
        'invalid',
      );
    });

    run('moves through the states with a deadline, and refuses a move the state machine does not allow', async () => {
      const created = await submit();
      if (created.kind !== 'created') throw new Error(created.kind);
      const n = created.number;
      expect(await act(runtime, DISPATCHER, n, 'approve', {})).toMatchObject({ ok: false, status: 409 });
      expect(await act(runtime, DISPATCHER, n, 'assign', { unit: 'housing' })).toMatchObject({ ok: false, status: 409 });
      expect((await act(runtime, DISPATCHER, n, 'accept', {})).ok).toBe(true);
      expect(await act(runtime, DISPATCHER, n, 'assign', { unit: '' })).toMatchObject({ ok: false, status: 400, message: '交办须选择承办单位' });
      expect(await act(runtime, DISPATCHER, n, 'assign', { unit: 'no-such-bureau' })).toMatchObject({
        ok: false,
        status: 400,
        message: '承办单位「no-such-bureau」不存在，请从单位列表中选择',
      });
      expect(await act(runtime, handlerOf('housing'), n, 'assign', { unit: 'housing' })).toMatchObject({ ok: false, status: 403 });
      expect((await act(runtime, DISPATCHER, n, 'assign', { unit: 'housing' }, { at: '2026-02-13T02:00:00Z' })).ok).toBe(true);
      const assigned = await loadMessage(runtime.store.db, n);
      expect(assigned?.row.due_date).toBe('2026-03-12'); // complaint: 15 working days from 2026-02-13 (2-14 and 2-28 worked, 2-15…23 off)
      expect(await act(runtime, DISPATCHER, n, 'extend', { newDue: '2026-03-01', reason: '需要更多时间' })).toMatchObject({
        ok: false,
        message: '新的期限应晚于当前期限 2026-03-12',
      });
      expect(await act(runtime, handlerOf('water'), n, 'reply', { reply: '不是我们单位的。' })).toMatchObject({ ok: false, status: 403 });
      expect((await act(runtime, handlerOf('housing'), n, 'reply', { reply: '已安排维保单位更换主板，电梯恢复运行。' })).ok).toBe(true);
      expect((await act(runtime, DISPATCHER, n, 'approve', {})).ok).toBe(true);
      expect(await act(runtime, DISPATCHER, n, 'publish', {})).toMatchObject({
        ok: false,
        status: 400,
        message: '公开前须先审核：隐去他人姓名、具体地址等（“公开前审核”）',
      });
      expect((await act(runtime, DISPATCHER, n, 'redact', { hide: ['3 栋'] })).ok).toBe(true);
      const reviewed = (await loadMessage(runtime.store.db, n))!.record;
      expect([reviewed.content, reviewed.redacted?.content]).toEqual([fields.content, '望澜小区 【已隐去】电梯停运已两周，老人上下楼困难。']);
      expect(reviewed.events.at(-1)).toMatchObject({ event: 'redact', note: null, internalNote: '隐去：3 栋' });
      expect((await act(runtime, DISPATCHER, n, 'publish', {})).ok).toBe(true);
      expect(await act(runtime, DISPATCHER, n, 'reopen', {})).toMatchObject({ ok: false, status: 400 });
      const rated = await act(runtime, CITIZEN, n, 'rate', { rating: 'satisfied', comment: '处理及时' });
      expect(rated.ok && [rated.record.state, rated.record.published, rated.record.events.at(-1)?.rating]).toEqual(['closed', true, 'satisfied']);
      expect(await act(runtime, CITIZEN, n, 'rate', { rating: 'unsatisfied' })).toMatchObject({
        ok: false,
        message: '这条留言已经评价过了',
      });
    });

    run('a message without consent cannot be published', async () => {
      const created = await submit({ fields: { ...fields, consent: false } });
      if (created.kind !== 'created') throw new Error(created.kind);
      expect((await act(runtime, DISPATCHER, created.number, 'accept', {})).ok).toBe(true);
      expect((await act(runtime, DISPATCHER, created.number, 'assign', { unit: 'water' })).ok).toBe(true);
      expect((await act(runtime, handlerOf('water'), created.number, 'reply', { reply: '已答复。' })).ok).toBe(true);
      expect((await act(runtime, DISPATCHER, created.number, 'approve', {})).ok).toBe(true);
      await act(runtime, DISPATCHER, created.number, 'redact', {});
      expect(await act(runtime, DISPATCHER, created.number, 'publish', {})).toMatchObject({
        ok: false,
        message: '留言人未同意公开，不能公开',
      });
    });

    run('rate limits answer 429 with a time to retry', async () => {
      const limited = await backendEnv(backend as Backend, { RATE_LIMIT_PER_CLIENT: '2' });
      const small = await createRuntime(limited.env);
      try {
        const go = async () =>
          submitMessage(small, {
            fields,
            choices,
            channel: 'form',
            client: '198.51.100.1',
            idempotencyKey: null,
            proof: { kind: 'pow', payload: await solvedPayload(small.secret) },
          });
        expect((await go()).kind).toBe('created');
        expect((await go()).kind).toBe('created');
        const third = await go();
        expect(third).toMatchObject({ kind: 'refused', status: 429 });
        expect(third.kind === 'refused' && third.retryAfterSeconds).toBeGreaterThan(0);
      } finally {
        await small.stop();
        await limited.cleanup();
      }
    });
  });
}

describe('durability guard', () => {
  it('refuses to start SQLite with synchronous below FULL, and says why', async () => {
    const { env, cleanup } = await backendEnv('sqlite', { SQLITE_SYNCHRONOUS: 'NORMAL' });
    await expect(createRuntime(env)).rejects.toThrow(UnsafeStoreError);
    await expect(createRuntime(env)).rejects.toThrow(/synchronous=NORMAL.*丢失已向群众确认的留言/);
    await cleanup();
  });

  it('refuses to start PostgreSQL with synchronous_commit=off, and says why', async (ctx) => {
    if (!(await postgresReachable())) ctx.skip();
    const url = `postgres://postgres@127.0.0.1:5432/test?options=${encodeURIComponent('-c synchronous_commit=off')}`;
    const { env, cleanup } = await backendEnv('sqlite', { DATABASE_URL: url });
    await expect(createRuntime(env)).rejects.toThrow(/synchronous_commit=off/);
    await cleanup();
  });
});

describe('calendar changes', () => {
  it('recompute the due day of open messages and record it on their timelines', async () => {
    const content = mkdtempSync(join(tmpdir(), 'duban-content-'));
    cpSync('content', content, { recursive: true });
    const { env, cleanup } = await backendEnv('sqlite', { DUBAN_CONTENT_DIR: content });
    let runtime = await createRuntime(env);
    const created = await submitMessage(runtime, {
      fields,
      choices,
      channel: 'form',
      client: 'x',
      idempotencyKey: null,
      proof: { kind: 'pow', payload: await solvedPayload(runtime.secret) },
    });
    if (created.kind !== 'created') throw new Error(created.kind);
    await act(runtime, DISPATCHER, created.number, 'accept', {});
    await act(runtime, DISPATCHER, created.number, 'assign', { unit: 'water' }, { at: '2026-12-01T02:00:00Z' });
    expect((await loadMessage(runtime.store.db, created.number))?.row.due_date).toBe('2026-12-22');
    await runtime.stop();

    // A (fictional) extra holiday on 2026-12-10 moves the due day by one working day.
    const file = join(content, 'calendar', '2026.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('holidays:\n', 'holidays:\n  - { name: 测试假日, from: 2026-12-10, to: 2026-12-10 }\n'));
    runtime = await createRuntime(env);
    const after = await loadMessage(runtime.store.db, created.number);
    expect(after?.row.due_date).toBe('2026-12-23');
    expect(after?.record.events.at(-1)).toMatchObject({
      event: 'recompute_deadline',
      role: 'system',
      note: '节假日安排调整，办理期限由 2026-12-22 改为 2026-12-23',
    });
    await runtime.stop();
    await cleanup();
    rmSync(content, { recursive: true, force: true });
  });
});
