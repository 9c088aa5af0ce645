import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../../../electron/simulator/core/group-commit';

/** A write that records the value it snapshots at its start and waits until released. */
function blockingWrites(read: () => number) {
  const writes: { snapshot: number; release: () => void; fail: (e: Error) => void }[] = [];
  const write = () =>
    new Promise<void>((resolve, reject) => {
      writes.push({ snapshot: read(), release: resolve, fail: reject });
    });
  return { write, writes };
}

const settled = () => new Promise((r) => setImmediate(r));

describe('createGroupCommit', () => {
  it('starts a write at once and resolves only when it finished', async () => {
    const { write, writes } = blockingWrites(() => 1);
    const commit = createGroupCommit(write);
    let done = false;
    const pending = commit().then(() => (done = true));
    expect(writes).toHaveLength(1);
    expect(writes[0]!.snapshot).toBe(1);
    await settled();
    expect(done).toBe(false);
    writes[0]!.release();
    await pending;
    expect(done).toBe(true);
  });

  it('makes the calls that arrive during a write share the next one, which sees their changes', async () => {
    let value = 0;
    const { write, writes } = blockingWrites(() => value);
    const commit = createGroupCommit(write);
    value = 1;
    const first = commit();
    const later: Promise<void>[] = [];
    const order: number[] = [];
    for (let i = 2; i <= 200; i++) {
      value = i;
      later.push(commit().then(() => void order.push(i)));
    }
    await settled();
    expect(writes).toHaveLength(1);
    writes[0]!.release();
    await first;
    await settled();
    expect(writes).toHaveLength(2);
    expect(writes[1]!.snapshot).toBe(200);
    expect(order).toEqual([]); // none settles on the write that started before it
    writes[1]!.release();
    await Promise.all(later);
    expect(order).toHaveLength(199);
    expect(writes).toHaveLength(2);
  });

  it('rejects exactly the calls that waited for a failed write, and writes again on the next call', async () => {
    const { write, writes } = blockingWrites(() => 0);
    const commit = createGroupCommit(write);
    const first = commit();
    const second = commit();
    writes[0]!.release();
    await first;
    await settled();
    writes[1]!.fail(new Error('ENOSPC: no space left on device'));
    await expect(second).rejects.toThrow('ENOSPC');
    const third = commit();
    expect(writes).toHaveLength(3);
    writes[2]!.release();
    await expect(third).resolves.toBeUndefined();
  });

  it('survives a write that throws before it returns a promise', async () => {
    let calls = 0;
    const commit = createGroupCommit(() => {
      calls += 1;
      if (calls === 1) throw new Error('snapshot failed');
      return Promise.resolve();
    });
    await expect(commit()).rejects.toThrow('snapshot failed');
    await expect(commit()).resolves.toBeUndefined();
  });
});
