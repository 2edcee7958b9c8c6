import type { Level, Organisation, Role, StepId } from '../types.js';

/** Who owns a checklist item ("wie doet wat"). */
export type ChecklistOwner =
  | 'procesregisseur'
  | 'convenantpartners'
  | 'politie'
  | 'om'
  | 'jongerenwerk'
  | 'boa'
  | 'driehoek'
  | 'partners'
  | 'burgemeester';

export interface ChecklistItem {
  id: string; // A-1-1 …
  text: string; // Dutch, short, for the checklist card
  owner: ChecklistOwner;
  /** Required before moving forward out of this step (overridable with a reason). */
  required: boolean;
  source: string;
}

export interface InformatieVragen {
  procesregisseur: string[];
  online: string[];
  kenmerken: string[];
}

export interface StepDef {
  id: StepId;
  name: string; // 2022 name
  goal: string; // Dutch
  checklist: ChecklistItem[];
  questions: string[]; // "Vragen die aan bod kunnen komen"
  informatievragen: InformatieVragen; // Bijlage B
  /** One line for users on what may be shared in this step. */
  privacyLine: string;
  /** Highest level that may be shared with convenantpartners in this step by default. */
  maxSharedLevel: Level;
}

export interface CirculairQuestion {
  id: string; // CV-1 …
  text: string;
  /** CV-4/CV-5 ask for persons: answered by role while names are not allowed. */
  personLevel: boolean;
}

export const PIJLERS = [
  'Groepskenmerken',
  'Impact op de buurt',
  'Criminaliteit en houding',
  'Psychosociale problematiek',
] as const;
export type Pijler = (typeof PIJLERS)[number];

export interface DuidingItem {
  id: string; // DI-1-01 …
  step: '1' | '2A' | '2B' | '3';
  pijler: Pijler;
  text: string;
  addendum: string; // "13", "30 (cf. 28)", "41 (2nd)"
  /** Addendum description (verbatim) for the help text on the card. */
  description?: string;
  /** Level an answer to this item declares (DI-3-07 georganiseerde criminaliteit → opsporing). */
  level: Level;
}

export interface PlanSectionDef {
  id: string;
  title: string;
  parent?: string;
  guidance: string[];
}

export interface OrganisationDef {
  id: Organisation;
  label: string;
  convenantpartner: boolean;
}

export interface RoleDef {
  id: Role;
  label: string;
}

// ---- Appended by the catalog module (new types only) ------------------------------------

/** Catalog additions to ExitDef (declaration merging with the ExitDef declared below). */
export interface ExitDef {
  /** All decision rule IDs behind the exit (ruleId is the first). */
  ruleIds?: string[];
  /** Dutch, one line: what follows the exit. */
  description?: string;
}

export type InformatievraagGroup = 'procesregisseur' | 'online' | 'kenmerken';

/** One Bijlage B informatievraag, flattened for an open-answer round. */
export interface InformatievraagItem {
  id: string; // IV-2A-1 …
  step: StepId;
  group: InformatievraagGroup;
  text: string;
  /** Level the question itself declares ('persoon' when it asks who is in the group). */
  level: Level;
}

/** One entry of the Bijlage G addendum ("Pijlers en items om te duiden"). */
export interface DuidingAddendumEntry {
  /** "1" … "41", and "41bis" for the second entry numbered 41 in the source. */
  key: string;
  pijler: Pijler;
  /** Cluster heading in the source, e.g. "SAMENSTELLING". */
  cluster: string;
  title: string;
  description: string;
}

/** One of the four exits that close an aanpak without (further) groepsaanpak. */
export interface ExitDef {
  kind: import('../types.js').ExitKind;
  label: string; // Dutch, shown on the transition card
  fromSteps: StepId[];
  ruleId: string; // D-1-2, D-2A-2, D-3-2, D-4-2
  retention: import('../types.js').RetentionClass;
}
