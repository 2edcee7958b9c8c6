import type { Env } from '../../src/workflow/types.js';

/** A simulated clock and deterministic ids for pure domain tests. */
export function testEnv(start = '2026-03-02T09:00:00.000Z'): Env & { advance(ms: number): void; set(iso: string): void } {
  let t = new Date(start).getTime();
  let n = 0;
  return {
    now: () => new Date(t),
    newId: () => `id-${++n}`,
    advance(ms: number) {
      t += ms;
    },
    set(iso: string) {
      t = new Date(iso).getTime();
    },
  };
}

export const DAY = 24 * 60 * 60 * 1000;
