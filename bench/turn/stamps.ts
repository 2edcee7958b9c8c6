// Server-side timing hooks for `npm run bench:turn`, installed the same way in our bot and in the
// echo bot. Times are process.hrtime (CLOCK_MONOTONIC on Linux), comparable across processes on
// one machine, so the connector (another process) can close the interval.
import type express from 'express';

export const BENCH_ID_HEADER = 'x-bench-id';

/** [received, response finished] in hrtime nanoseconds, as decimal strings (JSON has no bigint). */
export type Stamps = Record<string, [string, string]>;

export function installStamps(app: express.Express): void {
  let stamps: Stamps = {};
  // Read-and-clear between runs; never during a measured run.
  app.get('/bench/stamps', (_req, res) => {
    const out = stamps;
    stamps = {};
    res.json(out);
  });
  app.use('/api/messages', (req, _res, next) => {
    const id = req.headers[BENCH_ID_HEADER];
    if (typeof id === 'string') {
      const received = process.hrtime.bigint();
      _res.on('finish', () => {
        stamps[id] = [received.toString(), process.hrtime.bigint().toString()];
      });
    }
    next();
  });
}
