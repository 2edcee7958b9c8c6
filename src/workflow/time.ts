// Calendar arithmetic in Europe/Amsterdam local time, DST-correct and pure.
//
// Built on the platform's Intl (full ICU ships with Node 20) instead of a date library: the
// only thing needed from the tz database is "which UTC offset applies at this instant", and
// Intl.DateTimeFormat answers exactly that. No clock is read here; every function maps its
// arguments to a result.
//
// Two value shapes are accepted wherever a moment is expected:
//   - a calendar date 'YYYY-MM-DD' (a local date, no time of day), and
//   - an ISO-8601 instant ('2026-03-29T08:00:00.000Z'), returned in UTC ISO form.
// Day/week/month arithmetic on an instant keeps the local wall-clock time, so "10:00 + 6 weeks"
// is 10:00 again even when a DST change lies in between.

export const ZONE = 'Europe/Amsterdam';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export interface QuietHours {
  /** Local 'HH:mm' at which quiet hours begin, e.g. '20:00'. */
  start: string;
  /** Local 'HH:mm' at which quiet hours end, e.g. '08:00'. */
  end: string;
  /** Saturdays and Sundays are quiet all day. */
  weekends: boolean;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { start: '20:00', end: '08:00', weekends: true };

interface Wall {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

export function isDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function isTime(value: string): boolean {
  return TIME_RE.test(value);
}

function parseDate(value: string): { year: number; month: number; day: number } {
  if (!isDate(value)) throw new RangeError(`Invalid calendar date: ${value}`);
  const m = DATE_RE.exec(value) as RegExpExecArray;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function parseTime(value: string): { hour: number; minute: number } {
  const m = TIME_RE.exec(value);
  if (!m) throw new RangeError(`Invalid local time: ${value}`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

function parseInstant(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms) || isDate(iso)) throw new RangeError(`Invalid instant: ${iso}`);
  return ms;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function formatWall(ms: number): Wall {
  const parts: Record<string, number> = {};
  for (const p of formatter.formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
    ms: ((ms % 1000) + 1000) % 1000,
  };
}

// Offsets only change on quarter-hour boundaries (in practice: 01:00 UTC), so one Intl call per
// quarter hour is enough. The cache is a pure memo: same input, same output.
const QUARTER = 15 * 60 * 1000;
const offsetCache = new Map<number, number>();

/** UTC offset (ms) of Amsterdam local time at the given instant. */
function offsetAt(ms: number): number {
  const bucket = Math.floor(ms / QUARTER);
  let offset = offsetCache.get(bucket);
  if (offset === undefined) {
    const start = bucket * QUARTER;
    const w = formatWall(start);
    offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - start;
    if (offsetCache.size > 50_000) offsetCache.clear();
    offsetCache.set(bucket, offset);
  }
  return offset;
}

function toWall(ms: number): Wall {
  const d = new Date(ms + offsetAt(ms));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
  };
}

/**
 * Local wall-clock → instant. Ambiguous times (the repeated hour in October) take the earlier
 * instant; non-existent times (the skipped hour in March) move forward by the gap, as clocks do.
 */
function fromWall(w: Wall): number {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms);
  const before = offsetAt(naive - 3 * HOUR);
  const after = offsetAt(naive + 3 * HOUR);
  const valid = [before, after]
    .map((o) => naive - o)
    .filter((t) => offsetAt(t) === naive - t)
    .sort((a, b) => a - b);
  return valid[0] ?? naive - before;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function shiftDate(year: number, month: number, day: number, days: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function shiftMonths(year: number, month: number, day: number, months: number): { year: number; month: number; day: number } {
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  // Clamp to the month's end: 31 January + 1 month is 28/29 February, not 3 March.
  return { year: y, month: m, day: Math.min(day, daysInMonth(y, m)) };
}

function mapCalendar(
  value: string,
  f: (year: number, month: number, day: number) => { year: number; month: number; day: number },
): string {
  if (isDate(value)) {
    const d = parseDate(value);
    const r = f(d.year, d.month, d.day);
    return formatDate(r.year, r.month, r.day);
  }
  const w = toWall(parseInstant(value));
  const r = f(w.year, w.month, w.day);
  return iso(fromWall({ ...w, ...r }));
}

/** Adds calendar days (negative allowed); on an instant the local wall-clock time is kept. */
export function addDays(value: string, n: number): string {
  return mapCalendar(value, (y, m, d) => shiftDate(y, m, d, n));
}

export function addWeeks(value: string, n: number): string {
  return addDays(value, 7 * n);
}

/** Adds calendar months, clamping to the end of shorter months. */
export function addMonths(value: string, n: number): string {
  return mapCalendar(value, (y, m, d) => shiftMonths(y, m, d, n));
}

export function addYears(value: string, n: number): string {
  return addMonths(value, 12 * n);
}

/** Adds an exact duration (not calendar-aware): "2 hours before" is 2 real hours. */
export function addMilliseconds(instant: string, ms: number): string {
  return iso(parseInstant(instant) + ms);
}

export function addHours(instant: string, n: number): string {
  return addMilliseconds(instant, n * HOUR);
}

/** The Amsterdam calendar date of an instant ('YYYY-MM-DD'); a date is returned unchanged. */
export function localDate(value: string): string {
  if (isDate(value)) return value;
  const w = toWall(parseInstant(value));
  return formatDate(w.year, w.month, w.day);
}

/** The Amsterdam wall-clock time of an instant ('HH:mm'). */
export function localTime(instant: string): string {
  const w = toWall(parseInstant(instant));
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** The instant (UTC ISO) at which it is `time` ('HH:mm') in Amsterdam on `date` ('YYYY-MM-DD'). */
export function atLocalTime(date: string, time: string): string {
  const d = parseDate(date);
  const t = parseTime(time);
  return iso(fromWall({ ...d, hour: t.hour, minute: t.minute, second: 0, ms: 0 }));
}

/** ISO weekday of a date or instant in Amsterdam: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(value: string): number {
  const d = parseDate(localDate(value));
  const js = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return js === 0 ? 7 : js;
}

export function isWeekend(value: string): boolean {
  return dayOfWeek(value) >= 6;
}

/**
 * Adds working days (Monday–Friday; negative n counts back). Dutch public holidays are not
 * skipped: they differ per year and per sector, and a reminder on a holiday is harmless.
 * n = 0 returns the value unchanged, even on a weekend.
 */
export function addWorkingDays(value: string, n: number): string {
  let current = value;
  let left = Math.abs(n);
  const step = n < 0 ? -1 : 1;
  while (left > 0) {
    current = addDays(current, step);
    if (!isWeekend(current)) left -= 1;
  }
  return current;
}

/** The date itself when it is a working day, otherwise the next Monday. */
export function nextWorkingDay(date: string): string {
  let d = localDate(date);
  while (isWeekend(d)) d = addDays(d, 1);
  return d;
}

/** Whole days from a to b (instants or dates), counted on the Amsterdam calendar. */
export function calendarDaysBetween(a: string, b: string): number {
  const x = parseDate(localDate(a));
  const y = parseDate(localDate(b));
  return Math.round((Date.UTC(y.year, y.month - 1, y.day) - Date.UTC(x.year, x.month - 1, x.day)) / DAY);
}

function minutesOf(time: string): number {
  const t = parseTime(time);
  return t.hour * 60 + t.minute;
}

function minuteOfDay(instant: string): number {
  return minutesOf(localTime(instant));
}

/** True when the time of day lies in the quiet window (weekends not considered). */
function inQuietWindow(instant: string, q: QuietHours): boolean {
  const t = minuteOfDay(instant);
  const s = minutesOf(q.start);
  const e = minutesOf(q.end);
  if (s === e) return false;
  return s > e ? t >= s || t < e : t >= s && t < e;
}

/** True when no message may be delivered at this instant. */
export function isQuiet(instant: string, q: QuietHours): boolean {
  return (q.weekends && isWeekend(instant)) || inQuietWindow(instant, q);
}

/**
 * The instant itself when messages are allowed, otherwise the first allowed moment after it:
 * the end of the quiet window (08:00), on the next working day when weekends are quiet.
 */
export function nextAllowedMoment(instant: string, q: QuietHours): string {
  let current = instant;
  // A week of steps is more than enough for any quiet-hours configuration.
  for (let i = 0; i < 16 && isQuiet(current, q); i += 1) {
    const date = localDate(current);
    if (inQuietWindow(current, q)) {
      const wraps = minutesOf(q.start) > minutesOf(q.end);
      const endDate = wraps && minuteOfDay(current) >= minutesOf(q.start) ? addDays(date, 1) : date;
      current = atLocalTime(endDate, q.end);
    } else {
      current = atLocalTime(addDays(date, 1), '00:00');
    }
  }
  return current;
}

/** How long before quiet hours begin a moment moved backwards lands (19:00 for 20:00). */
export const BEFORE_QUIET_MS = HOUR;

/**
 * The instant itself when messages are allowed, otherwise a moment before the quiet period
 * that contains it: one hour before that period began (Friday 19:00 for a Sunday moment).
 * Used for deadline-bound nudges that must not arrive after their deadline.
 */
export function previousAllowedMoment(instant: string, q: QuietHours): string {
  let current = instant;
  for (let i = 0; i < 16 && isQuiet(current, q); i += 1) {
    const date = localDate(current);
    const startedToday =
      inQuietWindow(current, q) &&
      (minutesOf(q.start) < minutesOf(q.end) || minuteOfDay(current) >= minutesOf(q.start));
    const startDate = startedToday ? date : addDays(date, -1);
    current = iso(Date.parse(atLocalTime(startDate, q.start)) - BEFORE_QUIET_MS);
  }
  return current;
}

/** Compare two instants: negative when a is earlier. */
export function compareInstants(a: string, b: string): number {
  return parseInstant(a) - parseInstant(b);
}
