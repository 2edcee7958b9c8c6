// Classification levels (PRODUCT.md §4): groep < persoon < bijzonder < opsporing < pga.
// "Highest of" is the only way levels combine, so screening and author declarations only raise.
import { LEVELS, type Level } from './types.js';

const RANK: Readonly<Record<Level, number>> = Object.freeze(
  Object.fromEntries(LEVELS.map((l, i) => [l, i])) as Record<Level, number>,
);

export function levelRank(l: Level): number {
  return RANK[l];
}

/** Highest of the given levels; 'groep' when none are given. */
export function maxLevel(...ls: Level[]): Level {
  let best: Level = 'groep';
  for (const l of ls) if (RANK[l] > RANK[best]) best = l;
  return best;
}

/** True when `a` is strictly above `b`. */
export function isAbove(a: Level, b: Level): boolean {
  return RANK[a] > RANK[b];
}

/** True when `a` is `b` or above. */
export function isAtLeast(a: Level, b: Level): boolean {
  return RANK[a] >= RANK[b];
}
