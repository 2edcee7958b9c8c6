// The feature modules the production process runs (each adds bot plugins, routes or workers).
import type { Feature } from './compose.js';

export const FEATURES: Feature[] = [];
