import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  BELEIDSADVIES_AFSPRAKEN,
  CIRCULAIR_QUESTIONS,
  CONCEPT_PLAN_ONDERDELEN,
  DUIDING_ADDENDUM,
  DUIDING_ITEMS,
  DUIDING_VRAGEN,
  EVALUATION_ASPECTS,
  EXIT_DEFS,
  MEERSPOREN_AANPAK,
  ORGANISATIONS,
  PIJLER_ORDER,
  PLAN_DOELEN_2022,
  PLAN_SECTIONS,
  PLAN_TRACK_SPOOR,
  ROLE_DEFS,
  STEP_DEFS,
  TUSSENEVALUATIE_VRAGEN,
  addendumForItem,
  duidingItemsForStep,
  exitDef,
  exitRuleId,
  exitsFromStep,
  informatievragenForStep,
  isConvenantpartner,
  organisationLabel,
  stepDef,
} from '../../src/workflow/catalog/index.js';
import { CONVENANT_ORGS, EXIT_KINDS, INCIDENTELE_ORGS, LEVELS, ROLES, STEPS } from '../../src/workflow/types.js';
import type { StepId } from '../../src/workflow/types.js';

// ---- Seeds -------------------------------------------------------------------------------

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const seedsDir = resolve(repoRoot, '../shared/seeds');
const SEED_2022 = resolve(seedsDir, '000_4b6b0422ad4a4a5e.txt');
const SEED_2016 = resolve(seedsDir, '001_685187b0cd630e60.txt');
const SEED_TEMPLATE = resolve(seedsDir, '004_62d4081fd4fa4420.txt');
const seedsPresent = [SEED_2022, SEED_2016, SEED_TEMPLATE].every((f) => existsSync(f));
if (!seedsPresent) {
  console.warn(`catalog verbatim tests skipped: seed files not found under ${seedsDir}`);
}

/**
 * The digest's normalisation applied to both sides: PDF line-break hyphens removed ("groeps-gedrag"),
 * markup (<br>, <sup>, **, bullets, &amp;) dropped, curly apostrophes straightened, whitespace collapsed.
 */
function normalise(s: string): string {
  return s
    .replace(/<sup>\d+<\/sup>/g, '')
    .replace(/<br\s*\/?>/g, ' ')
    // Only HTML markup of the converted PDF; the template's own <prompts> are text.
    .replace(/<\/?(?:b|ul|li|input|sup|a)\b[^>]*>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\*\*/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/[•·]/g, ' ')
    .replace(/(\p{L})-(\p{L})/gu, '$1$2')
    .replace(/\s+/g, ' ')
    .replace(/\/ /g, '/')
    .trim();
}

function seed(file: string): string {
  return normalise(readFileSync(file, 'utf8'));
}

/** Texts composed of a source question and its sub-list ("…? A; B; C") are checked per part. */
function parts(text: string): string[] {
  if (!text.includes('; ')) return [text];
  const m = /^(.*?[?:]) (.*)$/.exec(text);
  if (!m) return text.split('; ');
  return [m[1] as string, ...(m[2] as string).split('; ')];
}

function missingIn(haystack: string, texts: string[]): string[] {
  return texts.flatMap(parts).filter((t) => !haystack.includes(normalise(t)));
}

// ---- Steps and checklists ------------------------------------------------------------------

describe('steps', () => {
  it('defines every step once, keyed by its own id', () => {
    expect(Object.keys(STEP_DEFS).sort()).toEqual([...STEPS].sort());
    for (const s of STEPS) {
      expect(STEP_DEFS[s].id).toBe(s);
      expect(stepDef(s)).toBe(STEP_DEFS[s]);
      expect(STEP_DEFS[s].name.length).toBeGreaterThan(0);
      expect(STEP_DEFS[s].goal.length).toBeGreaterThan(0);
      expect(STEP_DEFS[s].privacyLine.length).toBeGreaterThan(0);
    }
  });

  it('uses the 2022 step names', () => {
    expect(STEP_DEFS['1'].name).toBe('Signalen over groepsgedrag delen');
    expect(STEP_DEFS['3'].name).toBe('Groepsduiding en concept plan van aanpak opstellen');
    expect(STEP_DEFS['4'].name).toBe('Adviseren en prioriteren');
    expect(STEP_DEFS['5'].name).toBe('Vaststellen plan van aanpak');
    expect(STEP_DEFS['6'].name).toBe('Uitvoeren en monitoren plan van aanpak');
    expect(STEP_DEFS['7'].name).toBe('Afschalen en evalueren');
    expect(STEP_DEFS['2A'].name).toMatch(/^Beoordelen groepsgedrag/);
    expect(STEP_DEFS['2B'].name).toMatch(/^Beoordelen groepsgedrag/);
  });

  it('checklist ids are unique, numbered A-<stap>-n and belong to their step', () => {
    const all = STEPS.flatMap((s) => STEP_DEFS[s].checklist.map((i) => ({ s, id: i.id })));
    expect(new Set(all.map((x) => x.id)).size).toBe(all.length);
    for (const { s, id } of all) expect(id).toMatch(new RegExp(`^A-${s}-\\d+$`));
  });

  it('every step has at least one required checklist item', () => {
    for (const s of STEPS) {
      expect(STEP_DEFS[s].checklist.some((i) => i.required), `step ${s}`).toBe(true);
    }
  });

  it('requires exactly the items that carry each step decision', () => {
    const required = Object.fromEntries(
      STEPS.map((s) => [s, STEP_DEFS[s].checklist.filter((i) => i.required).map((i) => i.id)]),
    );
    expect(required).toEqual({
      '1': ['A-1-5'],
      '2A': ['A-2A-3'],
      '2B': ['A-2B-6', 'A-2B-9'],
      '3': ['A-3-5', 'A-3-7'],
      '4': ['A-4-1', 'A-4-4'],
      '5': ['A-5-1'],
      '6': ['A-6-3'],
      '7': ['A-7-1', 'A-7-2', 'A-7-4'],
    });
  });

  it('R-X-61: informing at the end of the aanpak is "bij voorkeur", so A-7-3 does not block closing', () => {
    expect(STEP_DEFS['7'].checklist.find((i) => i.id === 'A-7-3')?.required).toBe(false);
  });

  it('R-1-1: steps 1 and 2A share at most group level, names from 2B (R-2A-1, R-2B-1)', () => {
    expect(STEP_DEFS['1'].maxSharedLevel).toBe('groep');
    expect(STEP_DEFS['2A'].maxSharedLevel).toBe('groep');
    for (const s of ['2B', '3', '4', '5', '6', '7'] as const) expect(STEP_DEFS[s].maxSharedLevel).toBe('persoon');
    expect(STEP_DEFS['1'].privacyLine).toBe('In deze stap: alleen informatie op groepsniveau, geen namen.');
    expect(STEP_DEFS['2A'].privacyLine).toBe('In deze stap: algemeen niveau, zonder namen.');
  });

  it('R-4-1: the step-4 line says nothing about individual youths goes to the driehoek', () => {
    expect(STEP_DEFS['4'].privacyLine).toMatch(/driehoek gaat niets over individuele jongeren/);
  });

  it('has the counts of "Vragen die aan bod kunnen komen" and Bijlage B per step', () => {
    const counts = Object.fromEntries(STEPS.map((s) => [s, STEP_DEFS[s].questions.length]));
    expect(counts).toEqual({ '1': 3, '2A': 13, '2B': 5, '3': 9, '4': 0, '5': 0, '6': 0, '7': 0 });
    for (const s of STEPS) {
      const iv = STEP_DEFS[s].informatievragen;
      expect(iv.procesregisseur.length, `step ${s}`).toBeGreaterThan(0);
      expect(iv.online.length, `step ${s}`).toBeGreaterThan(0);
      expect(iv.kenmerken.length, `step ${s}`).toBeGreaterThan(0);
    }
  });
});

describe('informatievragen', () => {
  it('flattens a step into stable, unique IV-<stap>-n ids in group order', () => {
    const list = informatievragenForStep('2A');
    expect(list.map((q) => q.id)).toEqual(['IV-2A-1', 'IV-2A-2', 'IV-2A-3', 'IV-2A-4', 'IV-2A-5', 'IV-2A-6', 'IV-2A-7']);
    expect(list.map((q) => q.group)).toEqual([
      'procesregisseur',
      'procesregisseur',
      'procesregisseur',
      'procesregisseur',
      'online',
      'online',
      'kenmerken',
    ]);
    expect(list[0]?.text).toBe('Wat doen ze?');
    const all = STEPS.flatMap((s) => informatievragenForStep(s).map((q) => q.id));
    expect(new Set(all).size).toBe(all.length);
  });

  it('R-1-1: no informatievraag in steps 1 and 2A declares more than group level', () => {
    for (const s of ['1', '2A'] as const) {
      expect(informatievragenForStep(s).every((q) => q.level === 'groep')).toBe(true);
    }
  });

  it('R-2B-1: questions that ask who is in the group declare persoon', () => {
    const twoB = informatievragenForStep('2B');
    expect(twoB.find((q) => q.text.includes('wie zitten daar in'))?.level).toBe('persoon');
    expect(twoB.find((q) => q.text === 'Welke leden hebben onderling contact online?')?.level).toBe('persoon');
    expect(twoB.find((q) => q.text === 'Kan de politie een groepsscan opstellen')?.level).toBe('groep');
    expect(informatievragenForStep('5').find((q) => q.text.startsWith('Welke jongeren melden we aan'))?.level).toBe(
      'persoon',
    );
  });
});

// ---- Circulair vragen --------------------------------------------------------------------

describe('circulair vragen', () => {
  it('has CV-1 … CV-5 with CV-4 and CV-5 at person level only', () => {
    expect(CIRCULAIR_QUESTIONS.map((q) => q.id)).toEqual(['CV-1', 'CV-2', 'CV-3', 'CV-4', 'CV-5']);
    expect(CIRCULAIR_QUESTIONS.filter((q) => q.personLevel).map((q) => q.id)).toEqual(['CV-4', 'CV-5']);
  });
});

// ---- Duiding -----------------------------------------------------------------------------

describe('duidingsinstrument', () => {
  it('has 6/7/11/18 items per step, 42 in total, with unique ids numbered per step', () => {
    const per = (s: string) => DUIDING_ITEMS.filter((i) => i.step === s).length;
    expect([per('1'), per('2A'), per('2B'), per('3')]).toEqual([6, 7, 11, 18]);
    expect(DUIDING_ITEMS).toHaveLength(42);
    expect(new Set(DUIDING_ITEMS.map((i) => i.id)).size).toBe(42);
    for (const i of DUIDING_ITEMS) expect(i.id).toMatch(new RegExp(`^DI-${i.step}-\\d{2}$`));
    expect(DUIDING_ITEMS[0]?.id).toBe('DI-1-01');
    expect(DUIDING_ITEMS[41]?.id).toBe('DI-3-18');
  });

  it('R-G-1: items are cumulative per step (2A adds to 1, 2B to 1+2A, 3 to 1+2A+2B)', () => {
    const ids = (s: StepId) => duidingItemsForStep(s).map((i) => i.id);
    expect(ids('1')).toHaveLength(6);
    expect(ids('2A')).toHaveLength(13);
    expect(ids('2B')).toHaveLength(24);
    expect(ids('3')).toHaveLength(42);
    const order: StepId[] = ['1', '2A', '2B', '3'];
    for (let k = 1; k < order.length; k++) {
      const earlier = ids(order[k - 1] as StepId);
      const later = ids(order[k] as StepId);
      expect(later.slice(0, earlier.length)).toEqual(earlier);
    }
    expect(duidingItemsForStep('2A').some((i) => i.step === '2B')).toBe(false);
  });

  it('R-G-1: steps after 3 use the complete step-3 set', () => {
    for (const s of ['4', '5', '6', '7'] as const) {
      expect(duidingItemsForStep(s).map((i) => i.id)).toEqual(duidingItemsForStep('3').map((i) => i.id));
    }
  });

  it('R-2B-4: only DI-3-07 (georganiseerde criminaliteit, addendum 23) declares opsporing', () => {
    const nonGroup = DUIDING_ITEMS.filter((i) => i.level !== 'groep');
    expect(nonGroup.map((i) => [i.id, i.level])).toEqual([['DI-3-07', 'opsporing']]);
    expect(addendumForItem('DI-3-07')?.title).toBe('Opsporingsindicaties');
    expect(DUIDING_ITEMS.find((i) => i.id === 'DI-2B-07')?.level).toBe('groep');
  });

  it('maps every item to an addendum entry of the same pijler with its description', () => {
    for (const i of DUIDING_ITEMS) {
      const entry = addendumForItem(i.id);
      expect(entry, i.id).toBeDefined();
      expect(entry?.pijler, i.id).toBe(i.pijler);
      expect(i.description).toBe(entry?.description);
      expect(i.addendum.startsWith(entry?.key.replace('bis', '') ?? '?'), i.id).toBe(true);
    }
    expect(DUIDING_ITEMS.find((i) => i.id === 'DI-2A-06')?.addendum).toBe('30 (cf. 28)');
    expect(addendumForItem('DI-3-18')?.key).toBe('41bis');
  });

  it('has the 42 addendum entries (1–41 plus the second 41) and pijlers in source order', () => {
    expect(DUIDING_ADDENDUM).toHaveLength(42);
    expect(new Set(DUIDING_ADDENDUM.map((a) => a.key)).size).toBe(42);
    expect(PIJLER_ORDER).toEqual(['Groepskenmerken', 'Impact op de buurt', 'Criminaliteit en houding', 'Psychosociale problematiek']);
    const firstIndex = (p: string) => DUIDING_ADDENDUM.findIndex((a) => a.pijler === p);
    const idx = PIJLER_ORDER.map(firstIndex);
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
  });

  it('only uses known levels', () => {
    for (const i of DUIDING_ITEMS) expect(LEVELS).toContain(i.level);
  });
});

// ---- Plan --------------------------------------------------------------------------------

describe('plan van aanpak', () => {
  it('has unique section ids whose parents exist and precede them', () => {
    const ids = PLAN_SECTIONS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    PLAN_SECTIONS.forEach((s, k) => {
      if (s.parent) {
        expect(ids.indexOf(s.parent), s.id).toBeGreaterThanOrEqual(0);
        expect(ids.indexOf(s.parent), s.id).toBeLessThan(k);
        expect(s.id.startsWith(`${s.parent}.`), s.id).toBe(true);
      }
    });
  });

  it('follows the template: probleemanalyse, doelstellingen, four tracks, rollen, overleg, monitoring', () => {
    const ids = PLAN_SECTIONS.map((s) => s.id);
    for (const id of [
      'probleemanalyse.aanleiding',
      'probleemanalyse.jeugdgroep',
      'probleemanalyse.strafrecht',
      'probleemanalyse.duiding',
      'probleemanalyse.wat_is_nodig',
      'doelstellingen',
      'rollen_partners',
      'overlegstructuur',
      'monitoring',
    ]) {
      expect(ids).toContain(id);
    }
    expect(PLAN_SECTIONS.filter((s) => s.parent === 'plan_van_aanpak').map((s) => s.title)).toEqual([
      'Informatiepositie versterken',
      'Inzet op het individu',
      'Inzet op de groep',
      'Inzet op locatie',
    ]);
    for (const id of Object.keys(PLAN_TRACK_SPOOR)) expect(ids).toContain(id);
  });

  it('lists six beleidsadvies afspraken, six 2022 doelen and seven evaluation aspects', () => {
    expect(BELEIDSADVIES_AFSPRAKEN.map((a) => a.id)).toEqual(['BA-1', 'BA-2', 'BA-3', 'BA-4', 'BA-5', 'BA-6']);
    expect(PLAN_DOELEN_2022).toHaveLength(6);
    expect(EVALUATION_ASPECTS).toHaveLength(7);
    expect(MEERSPOREN_AANPAK).toHaveLength(3);
    expect(CONCEPT_PLAN_ONDERDELEN).toHaveLength(6);
    const monitoring = PLAN_SECTIONS.find((s) => s.id === 'monitoring');
    for (const q of TUSSENEVALUATIE_VRAGEN) {
      expect(monitoring?.guidance).toContain(q.text);
      for (const sub of q.sub ?? []) expect(monitoring?.guidance).toContain(sub);
    }
  });
});

// ---- Organisations, roles, exits ---------------------------------------------------------

describe('organisations, roles and exits', () => {
  it('labels every organisation and marks exactly the convenantpartners', () => {
    const all = [...CONVENANT_ORGS, ...INCIDENTELE_ORGS];
    expect(ORGANISATIONS.map((o) => o.id).sort()).toEqual([...all].sort());
    for (const o of ORGANISATIONS) {
      expect(o.convenantpartner).toBe((CONVENANT_ORGS as readonly string[]).includes(o.id));
      expect(isConvenantpartner(o.id)).toBe(o.convenantpartner);
    }
    expect(organisationLabel('gemeente')).toBe('Gemeente (OOV)');
    expect(organisationLabel('om')).toBe('Openbaar Ministerie');
    expect(organisationLabel('boa')).toBe('Boa / toezicht en handhaving');
    expect(organisationLabel('rvdk')).toBe('Raad voor de Kinderbescherming');
    expect(isConvenantpartner('leerplicht')).toBe(false);
  });

  it('labels every role', () => {
    expect(ROLE_DEFS.map((r) => r.id).sort()).toEqual([...ROLES].sort());
    expect(ROLE_DEFS.find((r) => r.id === 'partner')?.label).toBe('convenantpartner');
    expect(ROLE_DEFS.find((r) => r.id === 'incidenteel')?.label).toBe('incidentele deelnemer');
  });

  it('every exit maps to valid steps, its decision rules and the geen_aanpak retention', () => {
    expect(EXIT_DEFS.map((e) => e.kind).sort()).toEqual([...EXIT_KINDS].sort());
    for (const e of EXIT_DEFS) {
      expect(e.fromSteps.length).toBeGreaterThan(0);
      for (const s of e.fromSteps) expect(STEPS).toContain(s);
      expect(e.retention).toBe('geen_aanpak');
      expect(e.ruleIds).toContain(e.ruleId);
      // Each decision rule belongs to a step the exit is taken from.
      for (const r of e.ruleIds ?? []) {
        expect(e.fromSteps.some((s) => r.startsWith(`D-${s}-`)), r).toBe(true);
      }
    }
    expect(exitDef('gerichte_actie_volstaat').fromSteps).toEqual(['1', '3']);
    expect(exitDef('geen_problematische_jeugdgroep').fromSteps).toEqual(['2A']);
    expect(exitDef('andere_aanpak_past_beter').fromSteps).toEqual(['3']);
    expect(exitDef('niet_geprioriteerd').fromSteps).toEqual(['4']);
    expect(exitsFromStep('3').map((e) => e.kind)).toEqual(['gerichte_actie_volstaat', 'andere_aanpak_past_beter']);
    expect(exitsFromStep('5')).toEqual([]);
    expect(exitRuleId('gerichte_actie_volstaat', '1')).toBe('D-1-2');
    expect(exitRuleId('gerichte_actie_volstaat', '3')).toBe('D-3-2');
  });
});

// ---- Verbatim against the sources --------------------------------------------------------

describe.skipIf(!seedsPresent)('verbatim texts against the seeds', () => {
  const s2022 = seedsPresent ? seed(SEED_2022) : '';
  const s2016 = seedsPresent ? seed(SEED_2016) : '';
  const template = seedsPresent ? seed(SEED_TEMPLATE) : '';

  it('normalisation removes PDF hyphens and markup the same way on both sides', () => {
    expect(normalise('groeps-gedrag')).toBe('groepsgedrag');
    expect(normalise('drugs- en alcoholgebruik')).toBe('drugs- en alcoholgebruik');
    expect(normalise('van:<br>1. gericht')).toBe('van: 1. gericht');
    // A changed word is still caught.
    expect(missingIn(s2022, ['Wat zien en merken we aan problematisch jeugdgedrag?'])).toHaveLength(1);
  });

  it('step questions and Bijlage B informatievragen are verbatim in the 2022 model', () => {
    const texts = STEPS.flatMap((s) => {
      const d = STEP_DEFS[s];
      return [...d.questions, ...d.informatievragen.procesregisseur, ...d.informatievragen.online, ...d.informatievragen.kenmerken];
    });
    expect(missingIn(s2022, texts)).toEqual([]);
  });

  it('circulair vragen, duiding items, Bijlage G vragen and addendum texts are verbatim', () => {
    expect(missingIn(s2022, CIRCULAIR_QUESTIONS.map((q) => q.text))).toEqual([]);
    expect(missingIn(s2022, DUIDING_ITEMS.map((i) => i.text))).toEqual([]);
    expect(missingIn(s2022, Object.values(DUIDING_VRAGEN).flat())).toEqual([]);
    expect(missingIn(s2022, DUIDING_ADDENDUM.map((a) => a.description))).toEqual([]);
    expect(missingIn(s2022, DUIDING_ADDENDUM.map((a) => a.title))).toEqual([]);
  });

  it('plan doelen, meersporen, concept-plan onderdelen and beleidsadvies afspraken are verbatim', () => {
    expect(missingIn(s2022, PLAN_DOELEN_2022)).toEqual([]);
    expect(missingIn(s2022, MEERSPOREN_AANPAK)).toEqual([]);
    expect(missingIn(s2022, CONCEPT_PLAN_ONDERDELEN)).toEqual([]);
    expect(missingIn(s2022, BELEIDSADVIES_AFSPRAKEN.map((a) => a.text))).toEqual([]);
  });

  it('evaluation aspects are verbatim in the 2016 werkproces', () => {
    expect(missingIn(s2016, EVALUATION_ASPECTS)).toEqual([]);
  });

  it('tussenevaluatie questions and template prompts are verbatim in the template', () => {
    const lines = TUSSENEVALUATIE_VRAGEN.flatMap((q) => [q.text, ...(q.sub ?? [])]);
    expect(missingIn(template, lines)).toEqual([]);
    const fromTemplate = ['probleemanalyse.aanleiding', 'probleemanalyse.jeugdgroep', 'doelstellingen', 'plan_van_aanpak.groep', 'plan_van_aanpak.locatie'];
    const prompts = PLAN_SECTIONS.filter((s) => fromTemplate.includes(s.id)).flatMap((s) => s.guidance);
    expect(missingIn(template, prompts)).toEqual([]);
    expect(missingIn(template, PLAN_SECTIONS.map((s) => s.title).filter((t) => !['Communicatie', 'Werkwijze namenlijst'].includes(t)))).toEqual([]);
  });
});
