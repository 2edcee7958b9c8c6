// The project's own registry of the digest's rule IDs (../shared/domain/7-stappenmodel.md).
// status: enforced = the code decides by it and a test named after it proves it;
//         guidance = shown to users (step card, checklist, help) but a person decides;
//         out_of_scope = outside what a Teams bot can see or do (say why in the summary).
// `npm run rules` prints this with the tests that cover each enforced rule.

export type RuleStatus = 'enforced' | 'guidance' | 'out_of_scope';

export interface RuleEntry {
  id: string;
  status: RuleStatus;
  summary: string;
}

const TABLE = `
R-0-1 | guidance | Steps 1–3 bring the group in beeld, 4–5 plan, 6–7 execute and close: shown on the step cards.
R-0-2 | enforced | The model is dynamic: the procesregisseur may always go back to any earlier step.
R-0-3 | enforced | Afschalen to step 7 is possible from every step; gerichte actie needs no plan.
R-0-4 | guidance | Groups active in several gemeenten: the procesregisseur contacts the others (checklist A-4-2).
R-1-1 | enforced | Step 1: only group-level content leaves its author; no names or person descriptions.
R-1-2 | guidance | Each partner decides itself what it shares: answers are private drafts until submitted.
R-1-3 | guidance | The jongerenwerker shares anonymously or at group level where possible.
R-1-4 | guidance | Online information supplements offline information (online informatievragen per step).
R-1-5 | out_of_scope | One-to-one exchange with third parties on their own legal tasks happens outside the bot.
R-1-6 | out_of_scope | Bilateral person-level exchange on a partner's own basis happens outside the bot.
R-1-7 | guidance | Beesel: step 1 as anonymised as possible, no verslaglegging (the bot stores group-level answers only).
R-2A-1 | enforced | Step 2A: 'algemeen niveau', without names — nothing above groep leaves its author.
R-2A-2 | guidance | Partners may bring in data lawfully obtained under their own tasks.
R-2A-3 | guidance | Every partner decides itself what it provides: nothing is shared before its author submits.
R-2A-4 | guidance | Third-party inquiries in 2A concern the group, not individuals.
R-2A-5 | guidance | Sociaal domein gives only general advice in 2A.
R-2A-6 | enforced | Third parties join only as incidentele deelnemer (see R-X-20 … R-X-27).
R-2B-1 | enforced | Personal data (namenlijst) only after the conclusion "problematische jeugdgroep": names from 2B.
R-2B-2 | guidance | Partners may bring in data from other parties under their own tasks.
R-2B-3 | guidance | The OM feeds back on 'algemeen niveau' unless person level is necessary.
R-2B-4 | enforced | Opsporingsindicaties are shared only between politie and OM.
R-2B-5 | guidance | The groepsscan itself is not shared; the standaardrapportage goes to gemeente and OM.
R-2B-6 | out_of_scope | The standaardrapportage contains police information only: a police document outside the bot.
R-2B-7 | guidance | Police systems lead only for the groepsscan, not for the netto namenlijst (bron per member).
R-2B-8 | enforced | Members and/or ouders are informed by letter asap; the informing status is tracked and reminded.
R-2B-9 | enforced | New members added: informing again (each member has its own informing status).
R-2B-10 | enforced | Youths no longer in the group are removed from the namenlijst and their data scheduled for deletion.
R-3-1 | guidance | Step 3 mainly group level plus person information partners hold for their own tasks.
R-3-2 | guidance | Incidentele deelnemers provide information only within their own legal tasks.
R-3-3 | guidance | Online information supplements offline information.
R-3-4 | enforced | Not all partners may receive strafrechtelijke, gezondheids- or BSN-data (level bijzonder).
R-3-5 | enforced | The concept plan goes anonymised to step 4 (driehoek export passes the gate).
R-3-6 | enforced | In circulair vragen persoonskenmerken only with the vaste convenantpartners.
R-4-1 | enforced | No detailed information about individual youths to the driehoek.
R-4-2 | guidance | Further information gathering follows the step 3 method.
R-4-3 | enforced | The concept plan is delivered anonymised to the driehoek.
R-4-4 | out_of_scope | Online investigation on an OM opsporingsbevel is police work outside the bot.
R-5-1 | guidance | Afstemming groepsaanpak ↔ PGA Z&V on interventions (plan section, checklist A-5-2).
R-5-2 | guidance | Afstemming between sociaal domein and groepsaanpak.
R-5-3 | guidance | A youth aangemeld at an instantie and the ouders are informed.
R-5-4 | guidance | The plan describes how youths/ouders are informed and the namenlijst evaluated.
R-6-1 | guidance | Step 6 processing is aimed at afstemming, voortgang and effectiviteit.
R-6-2 | guidance | Agree who brings new information into the PGA Z&V.
R-6-3 | enforced | A hernieuwde analyse in an earlier step uses that step's sharing rules (the gate follows the current step).
R-6-4 | guidance | New members in fluid networks: repeat person analysis and informing.
R-7-1 | enforced | After ending, the dossier is inactief: read-only, nothing is shared.
R-7-2 | enforced | Reopening only within the bewaartermijn, with a reason and a named role.
R-7-3 | enforced | After the term the dossier is archived (2022) and destroyed in the system.
R-7-4 | enforced | An individual who leaves the group: the same retention procedure for that member.
R-F-1 | enforced | Incidentele deelnemers only in rounds that keep persoonskenmerken out (answer by role).
R-G-1 | enforced | Duiding items are cumulative per step (3 includes 1, 2A, 2B).
R-G-2 | enforced | Onbekend? Dan is er huiswerk: every 'onbekend' becomes an action with an owner.
R-G-3 | enforced | Duiding in step 1: only group level.
R-G-4 | guidance | After step 1 duiding: suspected problematische jeugdgroep → go to step 2.
R-G-5 | enforced | Step 2B starts only when partners agree it is a problematische jeugdgroep.
R-X-01 | guidance | Convenantpartners are jointly verwerkingsverantwoordelijk; the procesregisseur processes on their behalf.
R-X-02 | out_of_scope | An artikel 20 Wpg besluit is a legal act of the convenant, outside the bot.
R-X-03 | guidance | General principles (purpose, minimisation, correctness, security) — applied throughout.
R-X-04 | guidance | A "rem" on detailed discussion of individuals.
R-X-05 | guidance | No use for other purposes than the convenant's.
R-X-06 | guidance | Personal data only once necessity is established; online as offline.
R-X-07 | guidance | Data received lawfully from third parties may be brought in, respecting their confidentiality.
R-X-08 | guidance | Provision to third parties always needs prior afstemming.
R-X-09 | out_of_scope | Bilateral contacts of politie and OM with their own partners happen outside the bot.
R-X-10 | guidance | Standaardrapportage always to gemeente and OM.
R-X-11 | enforced | Opsporingsindicaties reach only politie and OM.
R-X-12 | guidance | OM information on 'algemeen niveau' by default.
R-X-13 | enforced | The driehoek receives no detailed personal information.
R-X-14 | enforced | Bijzondere and strafrechtelijke gegevens and BSN only for partners with a recorded basis.
R-X-15 | guidance | The procesregisseur may pass names to leerplicht or sociaal domein with beknopte context.
R-X-16 | enforced | NAW only for the procesregisseur and the vervanger; partners see only their part.
R-X-17 | guidance | Intergemeentelijke sharing only with a clear purpose and grondslag.
R-X-18 | guidance | Zorgpartijen have no grondslag to provide individual data for the groepsaanpak.
R-X-19 | guidance | College van B en W: only a group-level analysis, after 2B.
R-X-20 | enforced | A third party joins only as incidentele deelnemer.
R-X-21 | enforced | An incidentele deelnemer receives nothing before a geheimhoudingsverklaring is recorded.
R-X-22 | enforced | No personal data to incidentele deelnemers unless a legal basis for that member is recorded.
R-X-23 | guidance | Decide in advance which parts of the overleg incidentele deelnemers attend.
R-X-24 | guidance | Check beforehand which form of exchange is possible.
R-X-25 | guidance | Incidentele deelnemers take no individual data out of the overleg.
R-X-26 | guidance | Convenantpartners decide whether, who and why to invite (checklist A-3-3).
R-X-27 | guidance | Local parties (school, leerplicht, woningcorporatie) primarily at group level.
R-X-30 | guidance | Jongerenwerker: anonymous or group level by default.
R-X-31 | enforced | Jongerenwerker sharing persoon-content first weighs doelmatigheid, subsidiariteit, proportionaliteit.
R-X-32 | guidance | Individual information by the jongerenwerker only with consent or in the named exceptions.
R-X-33 | guidance | Information from a hulprelatie stays between jongerenwerker and youth.
R-X-34 | guidance | Information from private accounts is not shared.
R-X-35 | guidance | Roles without detail on strafbare feiten; conclusions rather than details.
R-X-36 | guidance | No data obtainable elsewhere (BRP); no pressure on the jongerenwerker.
R-X-40 | out_of_scope | Police online surveillance limits are police practice outside the bot.
R-X-41 | out_of_scope | Jongerenwerkers must be recognisable online: professional practice outside the bot.
R-X-42 | out_of_scope | OOV online information gathering rules: practice outside the bot.
R-X-43 | guidance | Partners jointly weigh online information.
R-X-50 | guidance | The knip between groepsaanpak and PGA Z&V.
R-X-51 | guidance | Afstemming via parties present in both.
R-X-52 | guidance | In both overleggen agree which information is shared.
R-X-53 | enforced | PGA information: the contributor keeps zeggenschap; shared only with their consent per forum.
R-X-54 | guidance | Only coördinatie-informatie between the overleggen.
R-X-55 | guidance | What groepsaanpak and PGA Z&V tell each other.
R-X-56 | guidance | What the procesregisseur may share with the PGA Z&V.
R-X-57 | guidance | The jeugdgroepenoverleg decides on aanmelding per member (five routes).
R-X-60 | enforced | Informing letter asap after the namenlijst; exceptions recorded (informing status).
R-X-61 | guidance | Inform at aanmelding and at the end of the aanpak.
R-X-62 | guidance | Beesel: inform before collection (local variation; shown as guidance).
R-X-63 | guidance | Beesel: partners consult before postponing informing.
R-X-64 | enforced | Beesel: informing postponed → an aantekening in the bestand (uitgesteld with reason).
R-X-65 | guidance | Beesel: inform once the impediments are gone.
R-X-66 | guidance | Discuss signals with youths and parents too.
R-X-70 | enforced | 2022: inactief at closing; reopen within 1 year; then archive and anonymise.
R-X-71 | guidance | 2016: the bewaartermijn is agreed at closing (configurable per convenant).
R-X-72 | enforced | Beesel: aanpak vastgesteld → destroy max. 2 years after closing.
R-X-73 | enforced | Beesel: no aanpak → destroy within 4 weeks.
R-X-74 | enforced | Beesel: reassessment plausible → keep max. 1 year from aanmelding.
R-X-75 | out_of_scope | Each partner destroys the data in its own files.
R-X-80 | guidance | Security measures per partner (authorisation, encryption): the bot encrypts at rest.
R-X-81 | guidance | Security appropriate to the risks; secured connections.
R-X-82 | out_of_scope | Employee screening and geheimhoudingsverklaringen of partner staff.
R-X-83 | guidance | Geheimhouding continues after a partner leaves.
R-X-84 | out_of_scope | Each partner's own incident procedures.
R-X-85 | out_of_scope | Datalek notification within 24 hours is an organisational procedure.
R-X-86 | out_of_scope | Notification to the AP and betrokkenen per partner.
R-X-87 | out_of_scope | Joint breach handling by the gemeente's regisseur.
R-X-90 | guidance | Betrokkenen may request inzage, rectificatie and more (inzage export, rectificatie command).
R-X-91 | guidance | The answer names the partners data were provided to (from the audit log).
R-X-92 | guidance | Answer within 4 weeks with recipients and origin (deadline tracked as reminder).
R-X-93 | out_of_scope | Police inzage under the Wpg.
R-X-94 | out_of_scope | Refusal grounds are a legal assessment.
R-X-95 | guidance | Requests touching other partners are forwarded and aligned.
R-X-96 | out_of_scope | Complaints procedures per partner.
R-X-97 | guidance | Partners needing consent obtain it before providing data.
R-X-98 | guidance | Signals that can always be reported (Veilig Thuis, politie).
R-X-99 | guidance | Wapenbezit by one youth → individual route; in a group → 7-stappenmodel.
D-1-1 | enforced | Suspected problematische jeugdgroep → step 2A.
D-1-2 | enforced | Exit "gerichte actie volstaat" from step 1.
D-2A-1 | enforced | Problematische jeugdgroep (ja) and plan needed → step 2B.
D-2A-2 | enforced | Exit "geen problematische jeugdgroep" from 2A.
D-2B-1 | guidance | Netto namenlijst vastgesteld → inform → step 3 (checklist).
D-2B-2 | guidance | The OM decides whether it has a role.
D-3-1 | guidance | Concept plan ready → step 4.
D-3-2 | enforced | Exit "gerichte actie volstaat / andere aanpak past beter" from step 3.
D-3-3 | guidance | Urgent: the driehoek prioritises before further elaboration (3 → 4 with override).
D-3-4 | guidance | Members hardly known to the OM: no further OM involvement.
D-4-1 | enforced | Geprioriteerd by the driehoek (besluit, datum, randvoorwaarden) → step 5.
D-4-2 | enforced | Exit "niet geprioriteerd" from step 4.
D-4-3 | guidance | Aanvullende analyse → back to step 3 (backwards move).
D-4-4 | guidance | Individual youth → aanmelding PGA Z&V / ZVH.
D-5-1 | enforced | Plan vastgesteld → step 6.
D-6-1 | guidance | Plan adjustment / hernieuwde analyse → back to earlier steps.
D-6-2 | guidance | Fluid network: new members → back for person analysis.
D-6-3 | guidance | Advice to the driehoek: afsluiten, afschalen, opschalen of anders.
D-6-4 | guidance | Goals reached or afschalen → step 7.
D-7-1 | enforced | Afschalen/stoppen: closing records doelen bereikt and resterende acties belegd; dossier inactief.
D-7-2 | guidance | Goals not reached → continue step 6.
D-7-3 | enforced | Reason within the bewaartermijn → reopen.
T-01 | enforced | Jeugdgroepenoverleg every 6 weeks (configurable): reminder.
T-02 | guidance | Plan the casusoverleggen at the start.
T-03 | enforced | Tussenevaluatie 6 months after the plan is vastgesteld: reminder.
T-04 | enforced | Memo to the driehoek on its date: reminder.
T-05 | enforced | Target to close within 12 months: reminder.
T-06 | enforced | Evaluatiemoment after each step: prompt to the procesregisseur.
T-07 | guidance | Periodic information to the driehoek at agreed moments.
T-08 | enforced | Informing letter after the namenlijst: reminder when pending.
T-09 | enforced | New member added: informing reminder.
T-10 | guidance | Inform at aanmelding at an instantie.
T-11 | guidance | End of aanpak / person leaves: inform and set inactief.
T-12 | enforced | Inactief + 1 year: end of the reopen window, archive and destroy.
T-13 | enforced | Beesel: closing + 2 years: destroy.
T-14 | enforced | Beesel: geen aanpak + 4 weeks: destroy.
T-15 | enforced | Beesel: aanmelding + 1 year when reassessment is plausible.
T-16 | guidance | Beesel: informatieplicht before collection.
T-17 | out_of_scope | Datalek within 24 hours: organisational.
T-18 | enforced | Rights request: answer within 4 weeks (reminder).
T-19 | enforced | Yearly convenant evaluation: reminder.
T-20 | out_of_scope | Convenant term and renewal: a legal matter.
T-21 | out_of_scope | Police name selection with a proces-verbaal: police practice.
T-22 | guidance | Evaluate the namenlijst continuously.
`;

export const RULES: readonly RuleEntry[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const [id, status, summary] = line.split('|').map((s) => s.trim());
    return { id: id!, status: status as RuleStatus, summary: summary! };
  });

export function rule(id: string): RuleEntry | undefined {
  return RULES.find((r) => r.id === id);
}
