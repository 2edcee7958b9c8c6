// A settable clock for end-to-end tests: real time plus an offset that a test moves forward over
// HTTP, so reminders that are weeks away fire within seconds. Only ever active when
// GA_TEST_CLOCK=1 AND the server runs in local mode (no MicrosoftAppId); never in production.
import { randomUUID } from 'node:crypto';
import express from 'express';
import type { Feature } from '../compose.js';
import type { Env } from '../workflow/types.js';

export interface TestClock extends Env {
  /** Moves the clock forward (never back: stored moments would go stale) and returns the new now. */
  advance(ms: number): Date;
  /** Milliseconds the clock runs ahead of real time. */
  offsetMs(): number;
}

export function createTestClock(realNow: () => number = () => Date.now()): TestClock {
  let offset = 0;
  return {
    now: () => new Date(realNow() + offset),
    newId: () => randomUUID(),
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advance needs a finite, non-negative number of milliseconds');
      offset += ms;
      return new Date(realNow() + offset);
    },
    offsetMs: () => offset,
  };
}

/** Largest single step: ten years is more than any schedule in the product looks ahead. */
const MAX_ADVANCE_MS = 10 * 366 * 24 * 3_600_000;

function clockState(clock: TestClock) {
  return { now: clock.now().toISOString(), offsetMs: clock.offsetMs() };
}

/**
 * GET /_test/clock → { now, offsetMs }; POST /_test/clock { advanceMs } → the same after moving.
 * Registered through a Feature's routes hook, so it exists only when the feature is composed in.
 */
export function testClockFeature(clock: TestClock): Feature {
  return {
    routes(_ctx, app) {
      app.get('/_test/clock', (_req, res) => {
        res.json(clockState(clock));
      });
      app.post('/_test/clock', express.json({ limit: '1kb' }), (req, res) => {
        const advanceMs = (req.body as { advanceMs?: unknown } | undefined)?.advanceMs;
        if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs) || advanceMs < 0 || advanceMs > MAX_ADVANCE_MS) {
          res.status(400).json({ error: 'invalid_advance', message: 'Expected { "advanceMs": <non-negative number of milliseconds> }.' });
          return;
        }
        clock.advance(advanceMs);
        res.json(clockState(clock));
      });
    },
  };
}

/** The test clock and its routes when GA_TEST_CLOCK=1 in local mode; otherwise undefined (the system clock). */
export function testClockFromEnv(env: NodeJS.ProcessEnv, mode: 'local' | 'production'): { clock: TestClock; feature: Feature } | undefined {
  if (env.GA_TEST_CLOCK !== '1' || mode !== 'local') return undefined;
  const clock = createTestClock();
  return { clock, feature: testClockFeature(clock) };
}
