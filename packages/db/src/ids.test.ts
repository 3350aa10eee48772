import { afterEach, describe, expect, it, vi } from 'vitest';
import { isUuid, uuidv7 } from './ids';

const millisecondOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

// Past times only: the module keeps the last millisecond, and a worker shares it with later files.
afterEach(() => {
  vi.restoreAllMocks();
});

describe('uuidv7', () => {
  it('is a version 7, variant 10 UUID carrying the current millisecond', () => {
    const before = Date.now();
    const id = uuidv7();
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
    expect(millisecondOf(id)).toBeGreaterThanOrEqual(before);
    expect(millisecondOf(id)).toBeLessThanOrEqual(Date.now());
  });

  it('never goes back within a process: in one millisecond, after the clock steps back, past the counter', () => {
    const clock = vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2020, 0, 1));
    const ids: string[] = [];
    // 5 000 ids in one millisecond run the 12-bit counter out at least once.
    for (let i = 0; i < 5000; i += 1) ids.push(uuidv7());
    clock.mockReturnValue(Date.UTC(2019, 0, 1));
    for (let i = 0; i < 10; i += 1) ids.push(uuidv7());
    const sorted = [...ids].sort();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(sorted);
    // The counter ran out, so the millisecond moved on; it never moved back with the clock.
    expect(millisecondOf(ids.at(-1)!)).toBeGreaterThan(Date.UTC(2020, 0, 1));
    for (const id of ids) expect(id[14]).toBe('7');
  });

  it('starts each new millisecond at a random counter, so ids are not guessable from the previous one', () => {
    const clock = vi.spyOn(Date, 'now');
    const firsts = new Set<string>();
    for (let ms = 0; ms < 20; ms += 1) {
      clock.mockReturnValue(Date.UTC(2021, 0, 1) + ms);
      firsts.add(uuidv7().slice(15, 18));
    }
    expect(firsts.size).toBeGreaterThan(1);
  });
});
