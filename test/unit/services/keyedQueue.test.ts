import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { KeyedQueue } from '../../../src/util/keyedQueue';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('KeyedQueue', () => {
  it('runs the jobs of one key one after another, in order', async () => {
    const queue = new KeyedQueue();
    const events: string[] = [];
    const job = (name: string, ms: number) => async () => {
      events.push(`${name} start`);
      await later(ms);
      events.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([queue.run('a', job('first', 20)), queue.run('a', job('second', 1)), queue.run('a', job('third', 1))]);
    assert.deepEqual(results, ['first', 'second', 'third']);
    assert.deepEqual(events, ['first start', 'first end', 'second start', 'second end', 'third start', 'third end']);
  });

  it('lets other keys run meanwhile', async () => {
    const queue = new KeyedQueue();
    const events: string[] = [];
    const slow = queue.run('a', async () => {
      await later(20);
      events.push('a');
    });
    await queue.run('b', async () => {
      events.push('b');
    });
    await slow;
    assert.deepEqual(events, ['b', 'a']);
  });

  it('a failed job rejects its own caller only; the next job still runs', async () => {
    const queue = new KeyedQueue();
    const failing = queue.run('a', async () => {
      throw new Error('boom');
    });
    const next = queue.run('a', async () => 'ran');
    await assert.rejects(failing, /boom/);
    assert.equal(await next, 'ran');
  });

  it('forgets a key once its jobs are done', async () => {
    const queue = new KeyedQueue();
    await queue.run('a', async () => 1);
    await later(0);
    assert.equal(queue.busyKeys, 0);
  });
});
