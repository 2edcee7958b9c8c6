import { describe, expect, it } from 'vitest';
import { DomainError, type PlanVersion } from '../../src/workflow/types.js';
import {
  bijstellenPlan,
  diffLines,
  diffPlans,
  effectiveVersion,
  latestVersion,
  readSections,
  savePlanSection,
  startPlan,
  vaststellenPlan,
} from '../../src/workflow/plan.js';
import { buildFixture } from './fixtures.js';
import { DAY } from '../helpers/env.js';

function setup() {
  const f = buildFixture('3');
  const versions: PlanVersion[] = [];
  const started = startPlan(f.aanpak, versions, { aanpak: f.aanpak, members: f.members, actions: f.actions }, f.regisseur, f.env);
  versions.push(started.version);
  return { ...f, versions };
}

describe('plan van aanpak as structured data', () => {
  it('prefills from the aanpak: counts (never names), cadence and actions per track via spoor', () => {
    const { versions, actions } = setup();
    const s = readSections(versions[0]);
    expect(s['probleemanalyse.jeugdgroep']!.text).toContain('3 jongeren: 2 in de kern en 1 in de schil');
    expect(JSON.stringify(s)).not.toMatch(/Vries|Yilmaz|Koster|Momo/);
    expect(s.overlegstructuur!.text).toContain('Eens per 6 weken');
    const gebied = actions.find((a) => a.spoor === 'gebied')!;
    const online = actions.find((a) => a.spoor === 'online')!;
    expect(s['plan_van_aanpak.locatie']!.actionIds).toEqual([gebied.id]);
    expect(s['plan_van_aanpak.informatiepositie']!.actionIds).toEqual([online.id]);
    expect(versions[0]!.status).toBe('concept');
  });

  it('D-5-1: concept (3) → vastgesteld (5, with date) → bijgesteld (6), each version with who and when, with a diff', () => {
    const f = setup();
    let { aanpak } = f;
    const { env, versions } = f;
    const save = (sectionId: string, extra: object, by = f.regisseur) => {
      const r = savePlanSection(aanpak, versions, f.actions, { sectionId, by, ...extra }, env);
      versions.push(r.version);
      return r;
    };
    save('probleemanalyse.aanleiding', { text: 'Sinds de zomer overlast bij het station.' }, f.politie);
    save('doelstellingen', {
      text: 'Minder overlast.',
      goals: [{ text: 'Overlastmeldingen halveren', indicator: 'meldingen per maand', target: 'minder dan 10', date: '2026-12-31' }],
    });
    expect(versions.map((v) => v.status)).toEqual(['concept', 'concept', 'concept']);
    expect(latestVersion(versions)!.by).toBe(f.regisseur);
    expect(versions[1]!.by).toBe(f.politie);

    expect(() => vaststellenPlan(aanpak, versions, { by: f.regisseur }, env)).toThrow(/stap 5/);
    aanpak = { ...aanpak, state: '5' };
    env.advance(10 * DAY);
    const vast = vaststellenPlan(aanpak, versions, { by: f.regisseur }, env);
    versions.push(vast.version);
    expect(vast.version.status).toBe('vastgesteld');
    expect(vast.version.vastgesteldOp).toBe('2026-03-12');
    expect(vast.events[0]!.ruleIds).toContain('D-5-1');

    aanpak = { ...aanpak, state: '6' };
    expect(() => bijstellenPlan(aanpak, versions, { by: f.regisseur }, env)).toThrow(/niets gewijzigd/);
    env.advance(30 * DAY);
    save('probleemanalyse.aanleiding', { text: 'Sinds de zomer overlast bij het station.\nNu ook in het park.' });
    const bij = bijstellenPlan(aanpak, versions, { by: f.regisseur }, env);
    versions.push(bij.version);
    expect(bij.version.status).toBe('bijgesteld');
    expect(effectiveVersion(versions)!.number).toBe(bij.version.number);

    const diff = diffPlans(vast.version, bij.version).filter((d) => d.status !== 'same');
    expect(diff.map((d) => d.sectionId)).toEqual(['probleemanalyse.aanleiding']);
    expect(diff[0]!.lines).toEqual([{ op: 'add', line: 'Nu ook in het park.' }]);
    // Every version is kept: numbers 1..n with who and when.
    expect(versions.map((v) => v.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(versions.every((v) => v.by && v.at)).toBe(true);
  });

  it('A-5-1: the plan is vastgesteld only with SMART goals', () => {
    const f = setup();
    const aanpak = { ...f.aanpak, state: '5' as const };
    const r = savePlanSection(aanpak, f.versions, f.actions, { sectionId: 'doelstellingen', goals: [{ text: 'Minder overlast', indicator: '', target: '', date: '' }], by: f.regisseur }, f.env);
    f.versions.push(r.version);
    expect(() => vaststellenPlan(aanpak, f.versions, { by: f.regisseur }, f.env)).toThrow(DomainError);
    expect(() => vaststellenPlan(aanpak, f.versions, { by: f.regisseur }, f.env)).toThrow(/SMART/);
  });

  it('refuses incidentele deelnemers, unknown sections, unknown actions and bad dates', () => {
    const f = setup();
    const bad = (input: object) => () => savePlanSection(f.aanpak, f.versions, f.actions, { sectionId: 'doelstellingen', by: f.regisseur, ...input }, f.env);
    expect(bad({ by: f.leerplicht })).toThrow(/convenantpartners/);
    expect(bad({ sectionId: 'nope' })).toThrow(/hoort niet/);
    expect(bad({ sectionId: 'plan_van_aanpak.groep', actionIds: ['x'] })).toThrow(/actielijst/);
    expect(bad({ goals: [{ text: 'a', indicator: 'b', target: 'c', date: '31-12-2026' }] })).toThrow(/JJJJ-MM-DD/);
    expect(bad({ sectionId: 'evaluatie.leerpunten', text: 'x' })).toThrow(/stap 7/);
  });

  it('diffLines reports removed and added lines in order', () => {
    expect(diffLines('a\nb\nc', 'a\nc\nd')).toEqual([
      { op: 'remove', line: 'b' },
      { op: 'add', line: 'd' },
    ]);
  });
});
