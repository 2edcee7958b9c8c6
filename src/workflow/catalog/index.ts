// The model as typed data: steps, rounds' questions, duiding items, plan sections, organisations.

import type { StepId } from '../types.js';
import { PERSON_LEVEL_INFORMATIEVRAGEN, STEP_DEFS } from './steps.js';
import type { InformatievraagGroup, InformatievraagItem, StepDef } from './types.js';

export * from './types.js';
export * from './steps.js';
export * from './circulair.js';
export * from './duiding.js';
export * from './plan.js';
export * from './organisations.js';

export function stepDef(step: StepId): StepDef {
  return STEP_DEFS[step];
}

const IV_GROUPS: readonly InformatievraagGroup[] = ['procesregisseur', 'online', 'kenmerken'];

/**
 * Bijlage B informatievragen of a step as one flat list. Ids number the texts of the step in
 * group order (procesregisseur, online, kenmerken): IV-<stap>-1 … — stable as long as the catalog is.
 */
export function informatievragenForStep(step: StepId): InformatievraagItem[] {
  const iv = STEP_DEFS[step].informatievragen;
  const texts = IV_GROUPS.flatMap((group) => iv[group].map((text) => ({ group, text })));
  return texts.map(({ group, text }, i) => ({
    id: `IV-${step}-${i + 1}`,
    step,
    group,
    text,
    level: PERSON_LEVEL_INFORMATIEVRAGEN.has(text) ? 'persoon' : 'groep',
  }));
}
