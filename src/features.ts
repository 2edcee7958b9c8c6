// The feature modules the production process runs (each adds bot plugins, routes or workers).
import type { Feature } from './compose.js';
import { remindersFeature } from './scheduler/feature.js';
import { planFeature } from './bot/plan.js';

export const FEATURES: Feature[] = [
  // REMINDER_WORKER=off when the worker runs as its own process (npm run worker).
  // REMINDER_POLL_MS: a short poll for the end-to-end test (default 5 s).
  remindersFeature({ worker: process.env.REMINDER_WORKER !== 'off', ...(Number(process.env.REMINDER_POLL_MS) > 0 ? { pollMs: Number(process.env.REMINDER_POLL_MS) } : {}) }),
  // Plan van aanpak, exports (download route), inzage, rectificatie, sluiten en heropenen.
  planFeature(),
];
