// Splits aggregates into a plain part (stored as JSON, queryable) and a secret part (encrypted as
// one blob). Secret: every field at level 'persoon' or higher. Shared by both adapters.
import type { Aanpak, Action, Answer, Member, PlanVersion, Round } from '../workflow/types.js';
import { aanpakScope, memberScope, type KeyRing } from './crypto.js';

export interface SealedRecord {
  /** The record without its secret fields. */
  doc: Record<string, unknown>;
  /** Ciphertext of the secret fields, or null when there are none. */
  enc: string | null;
}

type AnswerSecret = { text?: string; toelichting?: string }[];
type RoundSecret = string[];
type ActionSecret = { text: string; result?: string };
type MemberSecret = Pick<Member, 'naam' | 'bijnamen' | 'geboortedatum' | 'adres' | 'woonplaats' | 'removalReason'>;
type AanpakSecret = Aanpak['weighings'];

const aadFor = (kind: string, aanpakId: string, id: string): string => `${kind}|${aanpakId}|${id}`;

export class Codec {
  constructor(readonly ring: KeyRing) {}

  // Weighings of a jongerenwerker (R-X-31) argue about a person: encrypted.
  async sealAanpak(a: Aanpak): Promise<SealedRecord> {
    const { weighings, ...doc } = a;
    const enc = await this.ring.seal(aanpakScope(a.id), a.id, weighings, aadFor('aanpak', a.id, a.id));
    return { doc, enc };
  }
  async openAanpak(doc: Record<string, unknown>, enc: string | null): Promise<Aanpak> {
    const a = doc as unknown as Omit<Aanpak, 'weighings'>;
    if (enc === null) return { ...a, weighings: [] }; // destroyed summary
    const weighings = await this.ring.open<AanpakSecret>(aanpakScope(a.id), a.id, enc, aadFor('aanpak', a.id, a.id));
    return { ...a, weighings } as Aanpak;
  }

  async sealAnswer(a: Answer): Promise<SealedRecord> {
    const secret: AnswerSecret = a.items.map((i) => ({ text: i.text, toelichting: i.toelichting }));
    const items = a.items.map(({ text: _t, toelichting: _x, ...rest }) => rest);
    const enc = await this.ring.seal(aanpakScope(a.aanpakId), a.aanpakId, secret, this.answerAad(a));
    return { doc: { ...a, items }, enc };
  }
  async openAnswer(doc: Record<string, unknown>, enc: string | null): Promise<Answer> {
    const a = doc as unknown as Answer;
    const secret = enc ? await this.ring.open<AnswerSecret>(aanpakScope(a.aanpakId), a.aanpakId, enc, this.answerAad(a)) : [];
    return { ...a, items: a.items.map((i, n) => dropUndefined({ ...i, ...secret[n] })) };
  }
  private answerAad(a: Answer): string {
    return aadFor('answer', a.aanpakId, `${a.roundId}/${a.participantId}`);
  }

  async sealRound(r: Round): Promise<SealedRecord> {
    const secret: RoundSecret = r.rodeDraad.map((d) => d.text);
    const rodeDraad = r.rodeDraad.map(({ text: _t, ...rest }) => rest);
    const enc = await this.ring.seal(aanpakScope(r.aanpakId), r.aanpakId, secret, aadFor('round', r.aanpakId, r.id));
    return { doc: { ...r, rodeDraad }, enc };
  }
  async openRound(doc: Record<string, unknown>, enc: string | null): Promise<Round> {
    const r = doc as unknown as Round;
    const secret = enc ? await this.ring.open<RoundSecret>(aanpakScope(r.aanpakId), r.aanpakId, enc, aadFor('round', r.aanpakId, r.id)) : [];
    return { ...r, rodeDraad: r.rodeDraad.map((d, n) => ({ ...d, text: secret[n] ?? '' })) };
  }

  // Every action text is encrypted, not only those above 'groep': screening may raise a level later.
  async sealAction(a: Action): Promise<SealedRecord> {
    const { text, result, ...doc } = a;
    const secret: ActionSecret = dropUndefined({ text, result });
    const enc = await this.ring.seal(aanpakScope(a.aanpakId), a.aanpakId, secret, aadFor('action', a.aanpakId, a.id));
    return { doc, enc };
  }
  async openAction(doc: Record<string, unknown>, enc: string | null): Promise<Action> {
    const a = doc as unknown as Action;
    const secret = enc
      ? await this.ring.open<ActionSecret>(aanpakScope(a.aanpakId), a.aanpakId, enc, aadFor('action', a.aanpakId, a.id))
      : { text: '' };
    return dropUndefined({ ...a, ...secret });
  }

  async sealPlan(p: PlanVersion): Promise<SealedRecord> {
    const { sections, ...doc } = p;
    const enc = await this.ring.seal(aanpakScope(p.aanpakId), p.aanpakId, sections, aadFor('plan', p.aanpakId, p.id));
    return { doc, enc };
  }
  async openPlan(doc: Record<string, unknown>, enc: string | null): Promise<PlanVersion> {
    const p = doc as unknown as Omit<PlanVersion, 'sections'>;
    const sections = enc
      ? await this.ring.open<PlanVersion['sections']>(aanpakScope(p.aanpakId), p.aanpakId, enc, aadFor('plan', p.aanpakId, p.id))
      : {};
    return { ...p, sections };
  }

  /** Member NAW under the member's own key, so one member can be shredded. */
  async sealMember(m: Member): Promise<SealedRecord> {
    const { naam, bijnamen, geboortedatum, adres, woonplaats, removalReason, ...doc } = m;
    const secret: MemberSecret = dropUndefined({ naam, bijnamen, geboortedatum, adres, woonplaats, removalReason });
    const enc = await this.ring.seal(memberScope(m.aanpakId, m.id), m.aanpakId, secret, aadFor('member', m.aanpakId, m.id));
    return { doc, enc };
  }
  async openMember(doc: Record<string, unknown>, enc: string | null): Promise<Member> {
    const m = doc as unknown as Member;
    if (!enc) throw new Error(`member ${m.id} has no sealed data`);
    const secret = await this.ring.open<MemberSecret>(memberScope(m.aanpakId, m.id), m.aanpakId, enc, aadFor('member', m.aanpakId, m.id));
    return dropUndefined({ ...m, ...secret });
  }
}

/** The name-free summary kept after an aanpak is destroyed. */
export function destroyedSummary(a: Pick<Aanpak, 'id' | 'gemeente' | 'createdAt' | 'version' | 'settings'>, destroyedAt: string): Aanpak {
  return {
    id: a.id,
    name: '',
    gemeente: a.gemeente,
    channelId: '',
    state: 'vernietigd',
    version: a.version + 1,
    createdAt: a.createdAt,
    createdBy: '',
    participants: [],
    checklist: {},
    decisions: {},
    transitions: [],
    reopenings: [],
    legalBases: [],
    bijzonderBases: [],
    weighings: [],
    pgaConsents: [],
    settings: { overlegCadenceWeeks: a.settings.overlegCadenceWeeks, retentionProfile: a.settings.retentionProfile },
    destroyedAt,
  };
}

/** Current participants' AAD ids, for findAanpakkenByParticipant. */
export function activeParticipantIds(a: Aanpak): string[] {
  return [...new Set(a.participants.filter((p) => !p.removedAt).map((p) => p.aadObjectId))];
}

function dropUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
