// What a stored reminder carries: the scheduled item itself (ids, counts, dates: never content;
// reminder payloads are stored in plain text) and, for a snoozed copy, the key it snoozes.
import type { ScheduledItem } from '../workflow/schedule.js';

export const PAYLOAD_VERSION = 1;

/** Pseudo aanpak id under which convenant-wide reminders (the yearly evaluation) are stored. */
export const GEMEENTE_PREFIX = 'gemeente:';
export const SNOOZE_PREFIX = 'snooze:';

export interface ReminderPayload {
  v: typeof PAYLOAD_VERSION;
  item: ScheduledItem;
  /** Set on a snoozed copy: the key of the scheduled item it repeats. */
  snoozeOf?: string;
  /** Set on a snoozed copy: the moment it was snoozed to ("te laat" counts from here). */
  snoozedUntil?: string;
}

export function gemeenteScope(gemeente: string): string {
  return `${GEMEENTE_PREFIX}${gemeente}`;
}

export function isGemeenteScope(aanpakId: string): boolean {
  return aanpakId.startsWith(GEMEENTE_PREFIX);
}

export function snoozeKey(key: string): string {
  return `${SNOOZE_PREFIX}${key}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads a stored payload back; undefined when it is not one of ours (never throws). */
export function parsePayload(raw: Record<string, unknown>): ReminderPayload | undefined {
  if (raw.v !== PAYLOAD_VERSION || !isRecord(raw.item)) return undefined;
  const item = raw.item;
  if (typeof item.key !== 'string' || typeof item.kind !== 'string' || typeof item.dueAt !== 'string') return undefined;
  if (!isRecord(item.data) || (typeof item.audience !== 'string' && !isRecord(item.audience))) return undefined;
  if (raw.snoozeOf !== undefined && typeof raw.snoozeOf !== 'string') return undefined;
  if (raw.snoozedUntil !== undefined && typeof raw.snoozedUntil !== 'string') return undefined;
  return raw as unknown as ReminderPayload;
}

export function toPayload(item: ScheduledItem, snooze?: { of: string; until: string }): Record<string, unknown> {
  const payload: ReminderPayload = { v: PAYLOAD_VERSION, item, ...(snooze ? { snoozeOf: snooze.of, snoozedUntil: snooze.until } : {}) };
  return payload as unknown as Record<string, unknown>;
}
