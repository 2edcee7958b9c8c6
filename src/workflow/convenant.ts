// The convenant as configuration data: retention terms and monitoring settings per gemeente.
// Terms differ per convenant (digest §3.9, §9.7): the 2022 modelconvenant is leading, the Beesel
// convenant shows a local variation. Nothing here reads a file; the server loads the JSON and
// passes it through validateConvenantConfig.

import type { RetentionProfileId } from './types.js';
import { DEFAULT_QUIET_HOURS, isTime, type QuietHours } from './time.js';

export interface RetentionTerm {
  amount: number;
  unit: 'weeks' | 'months';
  /** The moment the term is counted from. */
  from: 'inactiefAt' | 'closedAt' | 'exitAt' | 'createdAt' | 'removedAt';
  ruleId: string;
  /** Source citation (file, article/section). */
  source: string;
}

export interface RetentionProfile {
  id: RetentionProfileId;
  /** Dutch, for the settings card. */
  label: string;
  /** R-7-1: closing makes the dossier 'inactief' (read-only) at once. */
  inactiefAtClosing: { ruleId: string };
  /** R-7-2: how long after closing a dossier may be reopened. */
  reopenWindow: RetentionTerm;
  /** After the term the whole dossier is exported to the gemeente's archive before it is destroyed. */
  archiveFirst: boolean;
  /** An aanpak was vastgesteld (or the 2022 bewaartermijn after afschalen/stoppen). */
  aanpakVastgesteld: RetentionTerm;
  /** An exit without aanpak: destroy within 4 weeks of that decision. */
  geenAanpak: RetentionTerm;
  /** An exit without aanpak where reassessment is plausible: at most 1 year from the aanmelding. */
  geenAanpakHerbeoordeling: RetentionTerm;
  /** R-7-4: a member who leaves the group; same term as the aanpak, counted from the removal. */
  member: RetentionTerm;
  notes: string[];
}

const SRC_2022 = '000_4b6b0422ad4a4a5e.txt, Stap 7 privacy';
const SRC_BEESEL = '002_06bf14d234cdd7b3.txt, art. 10';

// Beesel art. 10.2 is the only source for the exit terms; PRODUCT.md §7 applies them generally.
const GEEN_AANPAK: RetentionTerm = {
  amount: 4,
  unit: 'weeks',
  from: 'exitAt',
  ruleId: 'R-X-73',
  source: '002_06bf14d234cdd7b3.txt, art. 10.2',
};
const HERBEOORDELING: RetentionTerm = {
  amount: 12,
  unit: 'months',
  from: 'createdAt',
  ruleId: 'R-X-74',
  source: '002_06bf14d234cdd7b3.txt, art. 10.2',
};

export const RETENTION_PROFILES: Readonly<Record<RetentionProfileId, RetentionProfile>> = {
  '2022': {
    id: '2022',
    label: 'Modelconvenant 2022: 1 jaar inactief, daarna archiveren',
    inactiefAtClosing: { ruleId: 'R-7-1' },
    reopenWindow: { amount: 12, unit: 'months', from: 'closedAt', ruleId: 'R-7-2', source: SRC_2022 },
    archiveFirst: true,
    aanpakVastgesteld: { amount: 12, unit: 'months', from: 'inactiefAt', ruleId: 'R-7-3', source: SRC_2022 },
    geenAanpak: GEEN_AANPAK,
    geenAanpakHerbeoordeling: HERBEOORDELING,
    member: { amount: 12, unit: 'months', from: 'removedAt', ruleId: 'R-7-4', source: SRC_2022 },
    notes: [
      'R-X-70: bestand inactief bij afsluiten; heropenen binnen 1 jaar; daarna archiveren (Archiefwet) en uit het systeem verwijderen.',
      'Het model 2022 zegt niets over exits zonder aanpak; de termijnen van Beesel art. 10.2 (R-X-73, R-X-74) gelden hier als algemene regel (PRODUCT.md §7).',
      'Ook bij een exit wordt eerst gearchiveerd: de Archiefwet geldt voor alle gemeentelijke stukken.',
    ],
  },
  beesel: {
    id: 'beesel',
    label: 'Convenant Beesel: 2 jaar na afsluiten vernietigen',
    inactiefAtClosing: { ruleId: 'R-7-1' },
    reopenWindow: { amount: 24, unit: 'months', from: 'closedAt', ruleId: 'R-7-2', source: `${SRC_BEESEL}.1` },
    archiveFirst: false,
    aanpakVastgesteld: { amount: 24, unit: 'months', from: 'closedAt', ruleId: 'R-X-72', source: `${SRC_BEESEL}.1` },
    geenAanpak: GEEN_AANPAK,
    geenAanpakHerbeoordeling: HERBEOORDELING,
    member: { amount: 24, unit: 'months', from: 'removedAt', ruleId: 'R-7-4', source: `${SRC_BEESEL}.1` },
    notes: [
      'R-X-72: na vaststellen van een aanpak maximaal 2 jaar na afsluiten bewaren, dan verwijderen en vernietigen.',
      'R-X-75: elke partner vernietigt ook de gegevens in de eigen bestanden; dat valt buiten dit systeem.',
    ],
  },
};

export interface ConvenantConfig {
  gemeente: string;
  retentionProfile: RetentionProfileId;
  /** T-01: weeks between jeugdgroepenoverleggen, unless the aanpak sets its own. */
  overlegCadenceWeeks: number;
  quietHours: QuietHours;
  /** T-19: the yearly convenant evaluation, 'MM-DD'. */
  yearlyEvaluationMonthDay: string;
}

/** Defaults for a convenant file; `gemeente` is empty on purpose: every convenant names its own. */
export const DEFAULT_CONVENANT: Readonly<ConvenantConfig> = {
  gemeente: '',
  retentionProfile: '2022',
  overlegCadenceWeeks: 6,
  quietHours: DEFAULT_QUIET_HOURS,
  yearlyEvaluationMonthDay: '01-15',
};

export function retentionProfile(id: RetentionProfileId): RetentionProfile {
  return RETENTION_PROFILES[id];
}

export type ConvenantValidation = { ok: true; config: ConvenantConfig } | { ok: false; errors: string[] };

const KNOWN_KEYS = ['gemeente', 'retentionProfile', 'overlegCadenceWeeks', 'quietHours', 'yearlyEvaluationMonthDay'];
const DAYS_PER_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks a convenant configuration (e.g. parsed from JSON). Missing optional fields take the
 * defaults; unknown fields are refused so a typo does not silently fall back to a default.
 * Errors are Dutch and name the field.
 */
export function validateConvenantConfig(input: unknown): ConvenantValidation {
  if (!isRecord(input)) return { ok: false, errors: ['De convenantinstellingen moeten een object zijn.'] };
  const errors: string[] = [];
  for (const key of Object.keys(input)) {
    if (!KNOWN_KEYS.includes(key)) errors.push(`Onbekend veld "${key}".`);
  }

  const gemeente = input.gemeente;
  if (typeof gemeente !== 'string' || gemeente.trim() === '') {
    errors.push('Vul de gemeente in (veld "gemeente").');
  } else if (gemeente.trim().length > 100) {
    errors.push('De naam van de gemeente is te lang (maximaal 100 tekens).');
  }

  const profile = input.retentionProfile ?? DEFAULT_CONVENANT.retentionProfile;
  if (profile !== '2022' && profile !== 'beesel') {
    errors.push('Het bewaarprofiel (veld "retentionProfile") moet "2022" of "beesel" zijn.');
  }

  const cadence = input.overlegCadenceWeeks ?? DEFAULT_CONVENANT.overlegCadenceWeeks;
  if (typeof cadence !== 'number' || !Number.isInteger(cadence) || cadence < 1 || cadence > 26) {
    errors.push('Het overlegritme (veld "overlegCadenceWeeks") moet een heel aantal weken tussen 1 en 26 zijn.');
  }

  let quietHours: QuietHours = DEFAULT_CONVENANT.quietHours;
  if (input.quietHours !== undefined) {
    const q = input.quietHours;
    if (!isRecord(q)) {
      errors.push('De stille uren (veld "quietHours") moeten een object zijn met start, end en weekends.');
    } else {
      const start = q.start ?? DEFAULT_QUIET_HOURS.start;
      const end = q.end ?? DEFAULT_QUIET_HOURS.end;
      const weekends = q.weekends ?? DEFAULT_QUIET_HOURS.weekends;
      for (const key of Object.keys(q)) {
        if (!['start', 'end', 'weekends'].includes(key)) errors.push(`Onbekend veld "quietHours.${key}".`);
      }
      if (typeof start !== 'string' || !isTime(start)) errors.push('Begin van de stille uren ("quietHours.start") als UU:MM, bijv. 20:00.');
      if (typeof end !== 'string' || !isTime(end)) errors.push('Einde van de stille uren ("quietHours.end") als UU:MM, bijv. 08:00.');
      if (typeof start === 'string' && start === end) errors.push('Begin en einde van de stille uren mogen niet gelijk zijn.');
      if (typeof weekends !== 'boolean') errors.push('"quietHours.weekends" moet true of false zijn.');
      quietHours = { start: String(start), end: String(end), weekends: weekends === true };
    }
  }

  const monthDay = input.yearlyEvaluationMonthDay ?? DEFAULT_CONVENANT.yearlyEvaluationMonthDay;
  const md = typeof monthDay === 'string' ? /^(\d{2})-(\d{2})$/.exec(monthDay) : null;
  const month = md ? Number(md[1]) : 0;
  const day = md ? Number(md[2]) : 0;
  // 29 februari is refused: the evaluation must happen every year.
  if (!md || month < 1 || month > 12 || day < 1 || day > (DAYS_PER_MONTH[month - 1] ?? 0)) {
    errors.push('De jaarlijkse evaluatie ("yearlyEvaluationMonthDay") als MM-DD, bijv. 01-15.');
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    config: {
      gemeente: (gemeente as string).trim(),
      retentionProfile: profile as RetentionProfileId,
      overlegCadenceWeeks: cadence as number,
      quietHours,
      yearlyEvaluationMonthDay: monthDay as string,
    },
  };
}
