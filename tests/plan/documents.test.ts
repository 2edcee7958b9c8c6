import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocx, renderMarkdown } from '../../src/docs/index.js';
import { BELEIDSADVIES_AFSPRAKEN, EVALUATION_ASPECTS } from '../../src/workflow/catalog/index.js';
import {
  buildBeleidsadvies,
  buildEvaluatie,
  buildInzage,
  buildPlanDocument,
  disclosuresOf,
  gateDocument,
  inzageDeadline,
  inzageRequestsFromAudit,
  inzageRequestedEvent,
  inzageAnsweredEvent,
  mentionsOf,
} from '../../src/workflow/documents.js';
import { decide, gateAuditEvent } from '../../src/workflow/gate.js';
import { savePlanSection, startPlan } from '../../src/workflow/plan.js';
import { createScreener } from '../../src/workflow/screening.js';
import type { Aanpak, Answer, AuditEvent, GateContent, PlanVersion, Recipient, StepId } from '../../src/workflow/types.js';
import { buildFixture, SECRET_MEMBERS, type Fixture } from './fixtures.js';
import { headings, paragraphsOf, readZipEntry } from './docx.js';

function planIn(step: StepId): Fixture & { versions: PlanVersion[] } {
  const f = buildFixture('3');
  const versions: PlanVersion[] = [];
  const facts = { aanpak: f.aanpak, members: f.members, actions: f.actions };
  versions.push(startPlan(f.aanpak, versions, facts, f.regisseur, f.env).version);
  const save = (sectionId: string, extra: object, aanpak: Aanpak = f.aanpak) =>
    versions.push(savePlanSection(aanpak, versions, f.actions, { sectionId, by: f.regisseur, ...extra }, f.env).version);
  save('probleemanalyse.aanleiding', { text: 'Sinds de zomer overlast bij het station.\n\nJan-Willem de Vries en MOMO gooien stenen.' });
  save('probleemanalyse.jeugdgroep', { text: 'Mohammed Yilmaz (geboren 02-11-2009) woont op Dorpsweg 3a.', level: 'persoon' });
  save('probleemanalyse.duiding', { text: 'Zorgen over afglijden.', risico: 'hoog risico' });
  save('doelstellingen', { goals: [{ text: 'Overlastmeldingen halveren', indicator: 'meldingen per maand', target: 'minder dan 10', date: '2026-12-31' }] });
  save('beleidsadvies.BA-1', { text: 'Overlast halveren binnen een jaar.' });
  save('beleidsadvies.BA-4', { text: 'Politie volgt het account van snelle jelle en de groep.' });
  save('rollen_partners', { text: '- Gemeente: regie\n- Politie: toezicht' });
  const aanpak = { ...f.aanpak, state: step };
  if (step === '7') {
    save('evaluatie.doelen', { goalResults: [{ goalId: 'doel-1', outcome: 'deels', toelichting: 'Van 20 naar 12 meldingen.' }] }, aanpak);
    save('evaluatie.aspect.2', { text: 'Informatie kwam snel rond.' }, aanpak);
    save('evaluatie.leerpunten', { text: 'Eerder de school betrekken.' }, aanpak);
  }
  return { ...f, aanpak, versions };
}

/** Every form of the namenlijst's personal data the driehoek version must not contain. */
function secrets(): string[] {
  const out: string[] = [];
  for (const m of SECRET_MEMBERS) {
    out.push(m.naam, ...m.naam.split(/[\s-]+/).filter((p) => p.length >= 3 && !['de'].includes(p)), ...m.bijnamen, m.adres);
    const [y, mo, d] = m.geboortedatum.split('-');
    out.push(m.geboortedatum, `${d}-${mo}-${y}`, `${Number(d)}-${Number(mo)}-${y}`);
  }
  return out.map((s) => s.toLowerCase());
}

const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts');

function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

describe('beleidsadvies for the driehoek', () => {
  function driehoek() {
    const f = planIn('4');
    const screener = createScreener(f.members);
    const raw = buildBeleidsadvies({ aanpak: f.aanpak, version: f.versions.at(-1), actions: f.actions, members: f.members, actor: f.regisseur, at: f.env.now().toISOString() });
    const audience: Recipient[] = [{ kind: 'driehoek' }];
    const gated = gateDocument(raw, { aanpak: f.aanpak, screener }, audience, { actor: f.regisseur, at: f.env.now().toISOString(), anonymise: true });
    return { f, raw, gated };
  }

  it('R-4-1 / R-4-3 / R-3-5 / R-X-13: the .docx has the sections and no name, bijnaam, birth date or address from the namenlijst', async () => {
    const { gated } = driehoek();
    const buf = await renderDocx(gated.model, { generatedLabel: 'Gemaakt op 2 maart 2026.' });
    const xml = await readZipEntry(buf, 'word/document.xml');
    const paragraphs = paragraphsOf(xml);
    expect(headings(paragraphs, 'Title')).toEqual(['Beleidsadvies aan de driehoek']);
    const h1 = headings(paragraphs, 'Heading1');
    expect(h1).toEqual(expect.arrayContaining(['Karakterisering van de groep', 'Ernst van het gedrag', 'Afspraken', 'Concept plan van aanpak (geanonimiseerd)', 'Achtergehouden']));
    expect(headings(paragraphs, 'Heading2')).toEqual(expect.arrayContaining(BELEIDSADVIES_AFSPRAKEN.map((a) => a.title)));
    const text = paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('De groep telt 3 jongeren: 2 in de kern en 1 in de schil.');
    expect(text).toContain('hoog risico');
    expect(text).toContain('Overlast halveren binnen een jaar.');
    // Anonymised, not dropped: the group-level sentence stays with the names replaced.
    expect(text).toContain('[groepslid] en [groepslid] gooien stenen.');
    const core = await readZipEntry(buf, 'docProps/core.xml');
    const md = renderMarkdown(gated.model).toLowerCase();
    for (const haystack of [xml.toLowerCase(), core.toLowerCase(), md, text.toLowerCase()]) {
      for (const s of secrets()) expect(haystack, s).not.toContain(s);
    }
    expect(gated.withheld.count).toBeGreaterThanOrEqual(2); // the persoon section and the persoon action
    expect(gated.anonymised).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/alinea’s achtergehouden/);
    expect(text).toContain('R-4-1');
  });

  it('R-X-13: every paragraph is checked for the driehoek and every decision is audited without content', () => {
    const { raw, gated } = driehoek();
    const refs = new Set(gated.events.map((e) => String(e.data?.contentRef)));
    for (const s of raw.sections) for (const p of s.paragraphs) expect(refs.has(p.content.ref), p.content.ref).toBe(true);
    for (const e of gated.events) {
      expect(e.type).toBe('gate.decision');
      expect(e.audience).toEqual(['driehoek']);
    }
    const json = JSON.stringify(gated.events).toLowerCase();
    for (const s of secrets()) expect(json).not.toContain(s);
    // What was kept passes the gate for the driehoek.
    for (const s of gated.model.sections) for (const p of s.paragraphs) expect(p.content.level).toBe('groep');
  });

  it('R-4-1: the driehoek gets nothing above groep even when the author declared it (no anonymising of persoon content)', () => {
    const { gated } = driehoek();
    const all = gated.model.sections.flatMap((s) => s.paragraphs.map((p) => p.content.text)).join('\n');
    expect(all).not.toContain('Dorpsweg');
    expect(all).not.toContain('aanmelden bij het Zorg- en Veiligheidshuis');
  });

  it('renders the .docx to PDF with LibreOffice and saves the first page as PNG', async () => {
    const soffice = which('soffice') ?? which('libreoffice');
    if (!soffice) {
      console.log('LibreOffice (soffice/libreoffice) is not on PATH: PDF rendering not checked on this machine.');
      return;
    }
    const { gated } = driehoek();
    const dir = mkdtempSync(join(tmpdir(), 'ga-docx-'));
    try {
      const file = join(dir, 'beleidsadvies.docx');
      writeFileSync(file, await renderDocx(gated.model));
      execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 120_000 });
      const pdf = join(dir, 'beleidsadvies.pdf');
      expect(existsSync(pdf)).toBe(true);
      expect(readFileSync(pdf).subarray(0, 4).toString()).toBe('%PDF');
      mkdirSync(ARTIFACTS, { recursive: true });
      const pdftoppm = which('pdftoppm');
      if (!pdftoppm) {
        console.log('pdftoppm is not on PATH: no PNG of the first page.');
        return;
      }
      execFileSync(pdftoppm, ['-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(ARTIFACTS, 'beleidsadvies-page1')], { timeout: 60_000 });
      expect(existsSync(join(ARTIFACTS, 'beleidsadvies-page1.png'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('plan for the convenantpartners and the evaluation report', () => {
  it('the full plan has the template sections, linked actions and goals; partners may read names (stap 5)', async () => {
    const f = planIn('5');
    const audience: Recipient[] = [f.regisseur, f.politie, f.om].map((id) => ({ kind: 'participant', participantId: id }));
    const raw = buildPlanDocument({ aanpak: f.aanpak, version: f.versions.at(-1), actions: f.actions, actor: f.regisseur });
    const gated = gateDocument(raw, { aanpak: f.aanpak, screener: createScreener(f.members) }, audience, { actor: f.regisseur, at: f.env.now().toISOString() });
    const p = paragraphsOf(await readZipEntry(await renderDocx(gated.model), 'word/document.xml'));
    expect(headings(p, 'Heading1')).toEqual(
      expect.arrayContaining(['Probleemanalyse', 'Doelstellingen aanpak', 'Plan van aanpak', 'Rollen partners', 'Overlegstructuur', 'Monitoring van het Plan van aanpak']),
    );
    expect(headings(p, 'Heading2')).toEqual(
      expect.arrayContaining(['Aanleiding', 'De jeugdgroep', 'Bekend strafrecht / OM', 'Duiding van de groep', 'Wat is nodig?', 'Informatiepositie versterken', 'Inzet op het individu', 'Inzet op de groep', 'Inzet op locatie']),
    );
    const text = p.map((x) => x.text).join('\n');
    expect(text).toContain('Mohammed Yilmaz');
    expect(text).toContain('Doel 1: Overlastmeldingen halveren (indicator: meldingen per maand; streefwaarde: minder dan 10; uiterlijk 31 december 2026)');
    expect(text).toContain('Extra toezicht op het Stationsplein in de avonduren (Politie');
    expect(gated.withheld.count).toBe(0);
    // Events carry the members a paragraph concerned (for inzage), never their names.
    const yilmaz = f.members.find((m) => m.naam === 'Mohammed Yilmaz')!;
    expect(gated.events.some((e) => String(e.data?.memberIds ?? '').split(',').includes(yilmaz.id))).toBe(true);
  });

  it('A-7-4: the evaluation report lists goals with outcome, the 7 aspects, lessons and remaining actions', async () => {
    const f = planIn('7');
    const audience: Recipient[] = [{ kind: 'participant', participantId: f.politie }];
    const raw = buildEvaluatie({ aanpak: f.aanpak, version: f.versions.at(-1), effective: undefined, actions: f.actions, actor: f.regisseur });
    const gated = gateDocument(raw, { aanpak: f.aanpak, screener: createScreener(f.members) }, audience, { actor: f.regisseur, at: f.env.now().toISOString() });
    const p = paragraphsOf(await readZipEntry(await renderDocx(gated.model), 'word/document.xml'));
    expect(headings(p, 'Heading1')).toEqual(expect.arrayContaining(['Doelen', 'Evaluatie van de samenwerking', 'Leer- en verbeterpunten', 'Resterende acties']));
    expect(headings(p, 'Heading2')).toEqual(EVALUATION_ASPECTS);
    const text = p.map((x) => x.text).join('\n');
    expect(text).toContain('Overlastmeldingen halveren');
    expect(text).toContain('deels bereikt. Van 20 naar 12 meldingen.');
    expect(text).toContain('Eerder de school betrekken.');
    expect(text).toContain('Ouderavond organiseren met jongerenwerk');
  });
});

describe('inzage for one betrokkene', () => {
  it('R-X-91: the export lists exactly the recipients recorded in the audit log', async () => {
    const f = planIn('5');
    const screener = createScreener(f.members);
    const jan = f.members[0]!;
    const ctx = { aanpak: f.aanpak, screener };
    const at = f.env.now().toISOString();
    const audit: AuditEvent[] = [...f.events];
    const gateOnce = (content: GateContent, ids: string[]) => {
      const audience: Recipient[] = ids.map((participantId) => ({ kind: 'participant', participantId }));
      audit.push(gateAuditEvent(decide(content, ctx, audience), content, f.regisseur, audience, at, f.aanpak.id));
    };
    // The namenlijst shown to politie and OM; an answer naming Jan published to jongerenwerk; a
    // denied attempt to the incidentele leerplicht; another member's record to jongerenwerk only.
    gateOnce({ ref: `member:${jan.id}`, kind: 'namenlijst', level: 'persoon', memberIds: [jan.id], authorId: f.regisseur }, [f.politie, f.om]);
    const answer: Answer = {
      roundId: 'r1', aanpakId: f.aanpak.id, participantId: f.politie, organisation: 'politie', status: 'submitted',
      items: [{ questionId: 'CV-4', text: 'Jan-Willem is de leider.' }], updatedAt: at, submittedAt: at,
    };
    gateOnce({ ref: 'r1:' + f.politie + ':CV-4', kind: 'flipover_item', level: 'persoon', text: 'Jan-Willem is de leider.', authorId: f.politie }, [f.jongerenwerk]);
    gateOnce({ ref: `member:${jan.id}`, kind: 'namenlijst', level: 'persoon', memberIds: [jan.id], authorId: f.regisseur }, [f.leerplicht]);
    gateOnce({ ref: `member:${f.members[1]!.id}`, kind: 'namenlijst', level: 'persoon', memberIds: [f.members[1]!.id], authorId: f.regisseur }, [f.jongerenwerk, f.om]);

    const request = { id: 'req-1', memberId: jan.id, receivedAt: '2026-03-02T12:00:00.000Z' };
    audit.push(inzageRequestedEvent(f.aanpak.id, request, f.regisseur, at));
    const mentions = mentionsOf(jan.id, screener, { rounds: [], answers: [answer], actions: f.actions, version: f.versions.at(-1)! });
    const { model, disclosures } = buildInzage({ aanpak: f.aanpak, member: jan, request, audit, mentions, screener, actor: f.regisseur });
    expect(disclosures.map((d) => d.recipient).sort()).toEqual([f.politie, f.om, f.jongerenwerk].sort());
    const text = model.sections.flatMap((s) => s.paragraphs.map((p) => p.content.text)).join('\n');
    expect(text).toContain('Politie: Piet Politie');
    expect(text).toContain('Openbaar Ministerie: Olga OM');
    expect(text).not.toContain('Lotte Leerplicht');
    // Everything stored about Jan, and nobody else's data.
    expect(text).toContain('Naam: Jan-Willem de Vries');
    expect(text).toContain('Snelle Jelle');
    expect(text).toContain('Kerkstraat 12');
    expect(text).toContain('Jan-Willem aanmelden bij het Zorg- en Veiligheidshuis');
    expect(text).not.toMatch(/Yilmaz|Dorpsweg|Momo/);
    const gated = gateDocument(model, ctx, [{ kind: 'participant', participantId: f.regisseur }], { actor: f.regisseur, at });
    expect(gated.withheld.count).toBe(0);
    const p = paragraphsOf(await readZipEntry(await renderDocx(gated.model), 'word/document.xml'));
    expect(headings(p, 'Heading1')).toEqual(expect.arrayContaining(['Verzoek', 'Vastgelegde gegevens', 'Herkomst', 'Vermeldingen in het dossier', 'Ontvangers', 'Verwerkingen']));
    // The export itself is a disclosure to the procesregisseur: a later inzage lists it.
    expect(disclosuresOf([...audit, ...gated.events], jan.id).map((d) => d.recipient)).toContain(f.regisseur);
  });

  it('R-X-92 / T-18: the request date and the 4-week deadline; requests rebuilt from the audit log', () => {
    const request = { id: 'req-9', memberId: 'm1', receivedAt: '2026-03-02T12:00:00.000Z' };
    expect(inzageDeadline(request).slice(0, 10)).toBe('2026-03-30');
    const events = [inzageRequestedEvent('a1', request, 'p1', '2026-03-02T13:00:00.000Z')];
    expect(inzageRequestsFromAudit(events)).toEqual([request]);
    events.push(inzageAnsweredEvent('a1', request, 'p1', '2026-03-10T10:00:00.000Z', 3));
    expect(inzageRequestsFromAudit(events)[0]!.answeredAt).toBe('2026-03-10T10:00:00.000Z');
    expect(events[0]!.ruleIds).toEqual(expect.arrayContaining(['R-X-92', 'T-18']));
    expect(JSON.stringify(events)).not.toMatch(/naam/i);
  });
});
