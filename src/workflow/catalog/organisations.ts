// Organisations, roles and exits as data (Dutch labels for cards and documents).

import { CONVENANT_ORGS, EXIT_KINDS } from '../types.js';
import type { ExitKind, Organisation, StepId } from '../types.js';
import type { ExitDef, OrganisationDef, RoleDef } from './types.js';

const CONVENANT: ReadonlySet<Organisation> = new Set<Organisation>(CONVENANT_ORGS);

/** Convenantpartners (2022, Bijlage A): burgemeester (gemeente), politie, OM, jongerenwerk; the boa via the burgemeester. */
export function isConvenantpartner(org: Organisation): boolean {
  return CONVENANT.has(org);
}

const LABELS: Record<Organisation, string> = {
  gemeente: 'Gemeente (OOV)',
  politie: 'Politie',
  om: 'Openbaar Ministerie',
  jongerenwerk: 'Jongerenwerk',
  boa: 'Boa / toezicht en handhaving',
  leerplicht: 'Leerplicht',
  school: 'School',
  woningcorporatie: 'Woningcorporatie',
  lokaal_team: 'Lokaal team',
  reclassering: 'Reclassering',
  rvdk: 'Raad voor de Kinderbescherming',
  halt: 'Halt',
  overig: 'Overig',
};

export const ORGANISATIONS: OrganisationDef[] = (Object.keys(LABELS) as Organisation[]).map((id) => ({
  id,
  label: LABELS[id],
  convenantpartner: isConvenantpartner(id),
}));

export function organisationLabel(org: Organisation): string {
  return LABELS[org];
}

export const ROLE_DEFS: RoleDef[] = [
  { id: 'procesregisseur', label: 'procesregisseur' },
  { id: 'vervanger', label: 'vervanger procesregisseur' },
  { id: 'partner', label: 'convenantpartner' },
  { id: 'incidenteel', label: 'incidentele deelnemer' },
];

/**
 * Exits without an aanpak. All four end before a plan is vastgesteld, so their retention class is
 * 'geen_aanpak' (Beesel art. 10.2: destroy within 4 weeks). Whether the reassessment exception
 * applies ('geen_aanpak_herbeoordeling') is a per-aanpak setting, decided when the exit is taken.
 */
export const EXIT_DEFS: ExitDef[] = [
  {
    kind: 'gerichte_actie_volstaat',
    label: 'Gerichte actie volstaat',
    fromSteps: ['1', '3'],
    ruleId: 'D-1-2',
    ruleIds: ['D-1-2', 'D-3-2'],
    retention: 'geen_aanpak',
    description: 'Een gerichte actie op groep of persoon volstaat; geen (verdere) gezamenlijke groepsaanpak. Duurt het gedrag voort of wordt het ernstiger, dan kan de groep alsnog verder.',
  },
  {
    kind: 'geen_problematische_jeugdgroep',
    label: 'Geen problematische jeugdgroep',
    fromSteps: ['2A'],
    ruleId: 'D-2A-2',
    ruleIds: ['D-2A-2'],
    retention: 'geen_aanpak',
    description: 'Geen namenlijst en geen groepsscan. Spreek zo nodig preventieve maatregelen af; bij zorgen over een jongere kan een zorgmelding.',
  },
  {
    kind: 'andere_aanpak_past_beter',
    label: 'Andere aanpak past beter',
    fromSteps: ['3'],
    ruleId: 'D-3-2',
    ruleIds: ['D-3-2'],
    retention: 'geen_aanpak',
    description: 'Geen concept plan van aanpak; passende maatregelen op groep of persoon, of toeleiding naar sociaal domein of PGA Z&V.',
  },
  {
    kind: 'niet_geprioriteerd',
    label: 'Niet geprioriteerd en geen aanpak',
    fromSteps: ['4'],
    ruleId: 'D-4-2',
    ruleIds: ['D-4-2'],
    retention: 'geen_aanpak',
    description: 'De driehoek prioriteert de groep niet en de convenantpartners besluiten dat er geen aanpak nodig is.',
  },
];

const EXIT_BY_KIND = new Map<ExitKind, ExitDef>(EXIT_DEFS.map((e) => [e.kind, e]));

export function exitDef(kind: ExitKind): ExitDef {
  const def = EXIT_BY_KIND.get(kind);
  if (!def) throw new Error(`catalog: unknown exit ${kind}`);
  return def;
}

/** Exits that can be taken from `step`, in EXIT_KINDS order. */
export function exitsFromStep(step: StepId): ExitDef[] {
  return EXIT_KINDS.map(exitDef).filter((e) => e.fromSteps.includes(step));
}

/** The decision rule of an exit taken from `step` (gerichte actie volstaat: D-1-2 in 1, D-3-2 in 3). */
export function exitRuleId(kind: ExitKind, step: StepId): string {
  const def = exitDef(kind);
  const specific = (def.ruleIds ?? []).find((id) => id.startsWith(`D-${step}-`));
  return specific ?? def.ruleId;
}
