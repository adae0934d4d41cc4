/**
 * Two staff acting on one message at the same moment, on both databases: the second sees the
 * first's change before its own checks, so a message is accepted once and a request for an
 * extension waits alone, however the two requests interleave.
 */
import { expect } from 'vitest';
import { act } from '../../src/server/messages/commands/index.ts';
import { loadMessage } from '../../src/server/messages/repository.ts';
import { DISPATCHER, handlerOf } from './harness.ts';
import { describeOnBackends, submitted } from './backends.ts';

describeOnBackends('actions at the same moment', (runtime, run) => {
  run('one of two simultaneous acceptances wins; the other is told the message has moved on', async () => {
    for (let round = 0; round < 5; round += 1) {
      const { number } = await submitted(runtime(), { title: `同时受理 ${round}` });
      const results = await Promise.all([act(runtime(), DISPATCHER, number, 'accept', {}), act(runtime(), DISPATCHER, number, 'accept', {})]);
      expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
      expect(results.find((r) => !r.ok)).toMatchObject({ status: 409 });
      const events = (await loadMessage(runtime().store.db, number))!.record.events.map((e) => e.event);
      expect(events).toEqual(['submit', 'accept']);
    }
  });

  run('two simultaneous requests for an extension leave one waiting', async () => {
    const { number } = await submitted(runtime(), { title: '同时申请延期' });
    await act(runtime(), DISPATCHER, number, 'accept', {});
    await act(runtime(), DISPATCHER, number, 'assign', { unit: 'water' });
    const results = await Promise.all(
      ['2099-01-01', '2099-02-01'].map((newDue) => act(runtime(), handlerOf('water'), number, 'request_extension', { newDue, reason: '需要协调' })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const events = (await loadMessage(runtime().store.db, number))!.record.events.map((e) => e.event);
    expect(events.filter((e) => e === 'request_extension')).toHaveLength(1);
  });
});
