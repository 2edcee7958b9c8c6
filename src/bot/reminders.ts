// Bot plugin for monitoring: the procesregisseur's `overzicht` and the reminder card's verbs
// (`reminder.done`, `reminder.snooze`). `card.open` on a reminder card is handled by the core.
// Translates and renders only; the outbox sends (behind the gate).
import { renderErrorCard, renderOverviewCard, SNOOZE_DAYS, VERBS } from '../cards/index.js';
import { renderReminderAckCard } from '../cards/reminders/index.js';
import { gemeenteScope, parsePayload, snoozeKey, toPayload, type ReminderPayload } from '../scheduler/payload.js';
import { overviewRows, overviewView } from '../scheduler/overview.js';
import { SCHEDULER_ACTOR } from '../scheduler/render.js';
import type { Reminder, Store } from '../store/port.js';
import { updateActionStatus } from '../workflow/actions.js';
import { isStep, participantByAad } from '../workflow/aanpak.js';
import type { ConvenantConfig } from '../workflow/convenant.js';
import { addDays, nextAllowedMoment } from '../workflow/time.js';
import type { Aanpak, Env, GateContent, Participant } from '../workflow/types.js';
import type { BotPlugin } from './app.js';
import { dateTimeLabel } from './labels.js';
import type { HandlerResult, Outgoing, Turn } from './types.js';

export interface RemindersPluginDeps {
  store: Store;
  env: Env;
  config: ConvenantConfig;
  /** Called after the plugin changed an aanpak (an action marked done): reschedules it. */
  afterChange?: (aanpakId: string) => Promise<void>;
}

export const OVERZICHT_COMMAND = 'overzicht';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function isManager(p: Participant | undefined): p is Participant {
  return !!p && (p.role === 'procesregisseur' || p.role === 'vervanger');
}

function reply(card: Outgoing['card'], label: string): Outgoing {
  return { to: { kind: 'reply' }, card, contents: [], label };
}

function error(message: string): HandlerResult {
  return { out: [reply(renderErrorCard({ message }), 'error')] };
}

function ack(kind: 'done' | 'snoozed' | 'info', title: string, message: string): HandlerResult {
  const msg = reply(renderReminderAckCard({ kind, title, message }), `reminder ${kind}`);
  return { out: [], invoke: msg };
}

export function createRemindersPlugin(deps: RemindersPluginDeps): BotPlugin {
  const { store, env, config } = deps;

  async function overzicht(turn: Turn): Promise<HandlerResult> {
    const aad = turn.actor.aadObjectId;
    const mine = (await store.findAanpakkenByParticipant(aad)).filter((a) => a.gemeente === config.gemeente && isManager(participantByAad(a, aad)));
    if (mine.length === 0) return error('Het overzicht is alleen voor de procesregisseur.');
    // The message is gated in the context of one aanpak the procesregisseur directs (an active one if any).
    const via = mine.find((a) => isStep(a.state)) ?? mine[0]!;
    const me = participantByAad(via, aad)!;
    const rows = await overviewRows(store, config.gemeente, env.now());
    // Group level only: the names of the aanpakken and counts.
    const contents: GateContent[] = rows.map((r) => ({ ref: `overview:${r.aanpakId}`, kind: 'status', level: 'groep', text: r.name, authorId: SCHEDULER_ACTOR }));
    const card = renderOverviewCard(overviewView(config.gemeente, rows));
    if (turn.conversationType === 'personal') {
      return { out: [{ to: { kind: 'reply' }, aanpakId: via.id, card, contents, label: 'overzicht' }] };
    }
    // Asked in a channel: the overview goes to the procesregisseur's own chat, not to the group.
    return {
      out: [
        { to: { kind: 'direct', aanpakId: via.id, participantId: me.id }, aanpakId: via.id, card, contents, label: 'overzicht' },
        reply(renderReminderAckCard({ kind: 'info', title: 'Overzicht', message: 'Het overzicht staat in je persoonlijke chat.' }), 'overzicht notice'),
      ],
    };
  }

  /** The reminder a card action points at, in the aanpak or the gemeente scope. */
  async function findReminder(aanpakId: string, reminderId: string): Promise<{ reminder: Reminder; payload: ReminderPayload } | undefined> {
    for (const scope of [aanpakId, gemeenteScope(config.gemeente)]) {
      const reminder = (await store.listReminders(scope)).find((r) => r.id === reminderId);
      const payload = reminder && parsePayload(reminder.payload);
      if (reminder && payload) return { reminder, payload };
    }
    return undefined;
  }

  async function context(turn: Turn, data: Record<string, unknown>): Promise<{ aanpak: Aanpak; me: Participant } | HandlerResult> {
    const aanpak = await store.getAanpak(str(data.aanpakId));
    if (!aanpak || aanpak.state === 'vernietigd') return error('Deze aanpak bestaat niet (meer).');
    const me = participantByAad(aanpak, turn.actor.aadObjectId);
    if (!me) return error('Je doet niet (meer) mee aan deze aanpak.');
    return { aanpak, me };
  }

  async function done(turn: Turn, data: Record<string, unknown>): Promise<HandlerResult> {
    const c = await context(turn, data);
    if ('out' in c) return c;
    const { aanpak, me } = c;
    const found = await findReminder(aanpak.id, str(data.reminderId));
    if (!found) return ack('done', 'Gedaan', 'Deze herinnering is al afgehandeld.');
    const { reminder, payload } = found;
    const item = payload.item;
    const key = payload.snoozeOf ?? item.key;
    const at = env.now().toISOString();
    if ((item.kind === 'action-reminder' || item.kind === 'action-escalation') && typeof item.data.actionId === 'string') {
      const action = await store.getAction(aanpak.id, item.data.actionId);
      if (action && action.status === 'open') {
        const r = updateActionStatus(action, { status: 'gedaan', by: me.id }, aanpak, env);
        await store.saveAction(r.action);
        for (const e of r.events) await store.appendAudit(e);
        await deps.afterChange?.(aanpak.id);
        return ack('done', 'Gedaan', 'De actie staat op gedaan.');
      }
    }
    await store.cancelReminders(reminder.aanpakId, { key: snoozeKey(key) });
    await store.appendAudit({ aanpakId: aanpak.id, type: 'reminder.acknowledged', actor: me.id, at, data: { reminderId: reminder.id, kind: item.kind } });
    return ack('done', 'Gedaan', 'Genoteerd.');
  }

  async function snooze(turn: Turn, data: Record<string, unknown>): Promise<HandlerResult> {
    const days = Number(data.days);
    if (days !== SNOOZE_DAYS.day && days !== SNOOZE_DAYS.week) return error('Kies later: 1 dag of 1 week.');
    const c = await context(turn, data);
    if ('out' in c) return c;
    const { aanpak, me } = c;
    const found = await findReminder(aanpak.id, str(data.reminderId));
    if (!found) return error('Deze herinnering bestaat niet meer.');
    const { reminder, payload } = found;
    const of = payload.snoozeOf ?? payload.item.key;
    const now = env.now().toISOString();
    // Same time of day, `days` later, out of quiet hours.
    const until = nextAllowedMoment(addDays(now, days), config.quietHours);
    await store.scheduleReminder({
      id: env.newId(),
      aanpakId: reminder.aanpakId,
      kind: payload.item.kind,
      dueAt: until,
      payload: toPayload(payload.item, { of, until }),
      key: snoozeKey(of),
    });
    await store.appendAudit({ aanpakId: aanpak.id, type: 'reminder.snoozed', actor: me.id, at: now, data: { reminderId: reminder.id, kind: payload.item.kind, days } });
    return ack('snoozed', 'Later', `Ik herinner je op ${dateTimeLabel(until)} opnieuw.`);
  }

  return {
    name: 'reminders',
    async command(turn, text) {
      return text.trim().toLowerCase() === OVERZICHT_COMMAND ? overzicht(turn) : undefined;
    },
    async action(turn, verb, data) {
      if (verb === VERBS.reminderDone) return done(turn, data);
      if (verb === VERBS.reminderSnooze) return snooze(turn, data);
      return undefined;
    },
  };
}
