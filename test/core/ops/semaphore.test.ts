import { describe, expect, it } from 'vitest';
import { createSemaphore } from '../../../core/ops/semaphore.ts';

describe('semaphore', () => {
  it('lets max holders in and queues the rest in arrival order', async () => {
    const slots = createSemaphore(2);
    const order: string[] = [];
    const a = await slots.acquire();
    const b = await slots.acquire();
    const waiting = ['c', 'd'].map((name) => slots.acquire().then((release) => (order.push(name), release)));
    expect(slots.active).toBe(2);
    expect(slots.waiting).toBe(2);
    a();
    const releaseC = await waiting[0]!;
    expect(order).toEqual(['c']);
    expect(slots.active).toBe(2);
    b();
    const releaseD = await waiting[1]!;
    expect(order).toEqual(['c', 'd']);
    releaseC();
    releaseD();
    expect(slots.active).toBe(0);
    expect(slots.waiting).toBe(0);
  });

  it('ignores a second release of the same slot', async () => {
    const slots = createSemaphore(1);
    const release = await slots.acquire();
    release();
    release();
    expect(slots.active).toBe(0);
    await slots.acquire();
    expect(slots.active).toBe(1);
  });

  it('refuses a size below one', () => {
    expect(() => createSemaphore(0)).toThrow(RangeError);
  });
});
