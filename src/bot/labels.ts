// Dutch display labels for dates, organisations, roles and steps. Presentation only.
import { ROLE_DEFS, organisationLabel as orgLabel, STEP_DEFS } from '../workflow/catalog/index.js';
import type { AanpakState, Organisation, Role, Spoor } from '../workflow/types.js';

const ZONE = 'Europe/Amsterdam';
const dateTime = new Intl.DateTimeFormat('nl-NL', {
  timeZone: ZONE,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const dateOnly = new Intl.DateTimeFormat('nl-NL', { timeZone: ZONE, day: 'numeric', month: 'short', year: 'numeric' });

export function dateTimeLabel(iso: string): string {
  return dateTime.format(new Date(iso));
}

export function dateLabel(isoOrDate: string): string {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDate) ? new Date(`${isoOrDate}T12:00:00Z`) : new Date(isoOrDate);
  return dateOnly.format(d);
}

export function organisationLabel(org: Organisation): string {
  return orgLabel(org);
}

export function roleLabel(role: Role): string {
  return ROLE_DEFS.find((r) => r.id === role)?.label ?? role;
}

export function stateLabel(state: AanpakState): string {
  if (state in STEP_DEFS) return `Stap ${state}`;
  return { gesloten: 'Gesloten', inactief: 'Inactief', vernietigd: 'Vernietigd' }[state as 'gesloten'] ?? state;
}

export function stepName(state: AanpakState): string {
  return state in STEP_DEFS ? STEP_DEFS[state as keyof typeof STEP_DEFS].name : stateLabel(state);
}

export const SPOOR_LABELS: Record<Spoor, string> = {
  persoon_gezin: 'Persoon/gezin',
  groep_netwerk: 'Groep/netwerk',
  gebied: 'Gebied',
  online: 'Online',
};

export const ROUND_KIND_LABELS = {
  circulair: 'Circulair vragen',
  duiding: 'Duiding (Beke)',
  informatievragen: 'Informatievragen',
} as const;
