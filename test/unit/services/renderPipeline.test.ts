import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { RenderPipeline } from '../../../src/util/renderPipeline';
import { tick } from '../fakes';

function pipeline(compute: (stale: () => boolean, n: number) => Promise<number | undefined>) {
  const shown: number[] = [];
  const errors: unknown[] = [];
  let n = 0;
  const p = new RenderPipeline<number>({ compute: (stale) => compute(stale, ++n), show: (v) => shown.push(v), delayMs: 5, onError: (e) => errors.push(e) });
  return { p, shown, errors };
}

describe('RenderPipeline', () => {
  it('signals that arrive together become one render', async () => {
    const { p, shown } = pipeline(async (_, n) => n);
    p.schedule();
    p.schedule();
    p.schedule();
    await p.whenIdle();
    assert.deepEqual(shown, [1]);
    assert.equal(p.renders, 1);
  });

  it('a render overtaken while it awaited drops its result; only the newest is shown', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { p, shown } = pipeline(async (stale, n) => {
      if (n === 1) await gate;
      return stale() ? undefined : n;
    });
    p.schedule();
    await tick(15); // the first render is now waiting on the gate
    p.schedule();
    const idle = p.whenIdle();
    await tick(15);
    release();
    await idle;
    assert.deepEqual(shown, [2]);
  });

  it('whenIdle resolves at once with nothing scheduled, and after dispose', async () => {
    const { p, shown } = pipeline(async (_, n) => n);
    await p.whenIdle();
    p.schedule();
    p.dispose();
    await p.whenIdle();
    assert.deepEqual(shown, []);
  });

  it('a failing render is reported, not thrown, and the next one still runs', async () => {
    const { p, shown, errors } = pipeline(async (_, n) => {
      if (n === 1) throw new Error('boom');
      return n;
    });
    p.schedule();
    await p.whenIdle();
    p.schedule();
    await p.whenIdle();
    assert.equal(errors.length, 1);
    assert.deepEqual(shown, [2]);
  });
});
