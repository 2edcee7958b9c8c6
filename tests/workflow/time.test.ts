import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_QUIET_HOURS,
  addDays,
  addMonths,
  addWeeks,
  addWorkingDays,
  addYears,
  atLocalTime,
  calendarDaysBetween,
  dayOfWeek,
  isQuiet,
  localDate,
  localTime,
  nextAllowedMoment,
  previousAllowedMoment,
} from '../../src/workflow/time.js';

const Q = DEFAULT_QUIET_HOURS;

describe('local time in Europe/Amsterdam', () => {
  it('maps local wall-clock to UTC in winter and summer time', () => {
    expect(atLocalTime('2026-01-15', '10:00')).toBe('2026-01-15T09:00:00.000Z');
    expect(atLocalTime('2026-07-15', '10:00')).toBe('2026-07-15T08:00:00.000Z');
    expect(localTime('2026-07-15T08:00:00.000Z')).toBe('10:00');
  });

  it('a skipped time in March moves forward; a repeated time in October takes the first', () => {
    // 29 March 2026 02:30 does not exist: clocks jump from 02:00 to 03:00.
    expect(atLocalTime('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(localTime('2026-03-29T01:30:00.000Z')).toBe('03:30');
    // 25 October 2026 02:30 happens twice: first in CEST (00:30Z), then in CET (01:30Z).
    expect(atLocalTime('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('localDate uses the Amsterdam calendar around midnight', () => {
    expect(localDate('2026-03-28T23:30:00.000Z')).toBe('2026-03-29');
    expect(localDate('2026-01-31T22:59:00.000Z')).toBe('2026-01-31');
    expect(localDate('2026-01-31T23:00:00.000Z')).toBe('2026-02-01');
    expect(localDate('2026-05-01')).toBe('2026-05-01');
  });

  it('adding weeks across the March DST change keeps 10:00 local', () => {
    const start = atLocalTime('2026-03-12', '10:00');
    const next = addWeeks(start, 6);
    expect(next).toBe('2026-04-23T08:00:00.000Z');
    expect(localTime(next)).toBe('10:00');
  });

  it('adding weeks across the October DST change keeps 10:00 local', () => {
    const next = addWeeks(atLocalTime('2026-09-17', '10:00'), 6);
    expect(next).toBe('2026-10-29T09:00:00.000Z');
    expect(localTime(next)).toBe('10:00');
  });

  it('adding a day over the DST night is 23 or 25 real hours', () => {
    const sat = atLocalTime('2026-03-28', '12:00');
    expect(Date.parse(addDays(sat, 1)) - Date.parse(sat)).toBe(23 * 3600_000);
    const satOct = atLocalTime('2026-10-24', '12:00');
    expect(Date.parse(addDays(satOct, 1)) - Date.parse(satOct)).toBe(25 * 3600_000);
  });

  it('months clamp to the end of shorter months; leap days to 28 February', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-08-31', -2)).toBe('2026-06-30');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addMonths(atLocalTime('2026-01-31', '09:00'), 1)).toBe(atLocalTime('2026-02-28', '09:00'));
  });

  it('dates stay dates; instants stay instants', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31T10:00:00.000Z', 1)).toBe('2027-01-01T10:00:00.000Z');
  });

  it('working days skip Saturday and Sunday in both directions', () => {
    expect(dayOfWeek('2026-03-27')).toBe(5); // Friday
    expect(addWorkingDays('2026-03-27', 1)).toBe('2026-03-30');
    expect(addWorkingDays('2026-03-30', -2)).toBe('2026-03-26');
    expect(addWorkingDays('2026-03-25', 2)).toBe('2026-03-27');
    expect(addWorkingDays('2026-03-28', 0)).toBe('2026-03-28');
    expect(addWorkingDays(atLocalTime('2026-03-27', '09:00'), 1)).toBe(atLocalTime('2026-03-30', '09:00'));
  });

  it('counts calendar days on the local calendar', () => {
    expect(calendarDaysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(calendarDaysBetween(atLocalTime('2026-03-28', '23:30'), atLocalTime('2026-03-29', '00:30'))).toBe(1);
  });

  it('rejects invalid input instead of producing a wrong date', () => {
    expect(() => atLocalTime('2026-02-30', '10:00')).toThrow(RangeError);
    expect(() => atLocalTime('2026-02-10', '24:00')).toThrow(RangeError);
    expect(() => addDays('niet-een-datum', 1)).toThrow(RangeError);
  });

  it('property: adding days and subtracting them returns the same instant (outside the DST hour)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * 365 }),
        fc.integer({ min: -400, max: 400 }),
        fc.integer({ min: 0, max: 23 }),
        (dayOffset, n, hour) => {
          fc.pre(hour !== 2); // 02:xx does not exist on the March change day
          const date = addDays('2026-01-01', dayOffset);
          const start = atLocalTime(date, `${String(hour).padStart(2, '0')}:15`);
          const moved = addDays(start, n);
          expect(localTime(moved)).toBe(localTime(start));
          expect(addDays(moved, -n)).toBe(start);
          expect(calendarDaysBetween(start, moved)).toBe(n);
        },
      ),
    );
  });
});

describe('quiet hours', () => {
  it('a moment in the evening moves to 08:00 the next working day', () => {
    // Wednesday 25 March 2026 21:00 → Thursday 08:00.
    expect(nextAllowedMoment(atLocalTime('2026-03-25', '21:00'), Q)).toBe(atLocalTime('2026-03-26', '08:00'));
    expect(nextAllowedMoment(atLocalTime('2026-03-25', '20:00'), Q)).toBe(atLocalTime('2026-03-26', '08:00'));
  });

  it('early morning moves to 08:00 the same day; 08:00 and 19:59 are allowed', () => {
    expect(nextAllowedMoment(atLocalTime('2026-03-26', '06:30'), Q)).toBe(atLocalTime('2026-03-26', '08:00'));
    expect(nextAllowedMoment(atLocalTime('2026-03-26', '08:00'), Q)).toBe(atLocalTime('2026-03-26', '08:00'));
    expect(isQuiet(atLocalTime('2026-03-26', '19:59'), Q)).toBe(false);
    expect(isQuiet(atLocalTime('2026-03-26', '20:00'), Q)).toBe(true);
  });

  it('Friday evening and the weekend move to Monday 08:00 (also across DST)', () => {
    const monday = atLocalTime('2026-03-30', '08:00');
    expect(nextAllowedMoment(atLocalTime('2026-03-27', '22:00'), Q)).toBe(monday);
    expect(nextAllowedMoment(atLocalTime('2026-03-28', '12:00'), Q)).toBe(monday);
    expect(nextAllowedMoment(atLocalTime('2026-03-29', '23:59'), Q)).toBe(monday);
    expect(monday).toBe('2026-03-30T06:00:00.000Z');
  });

  it('without quiet weekends, Saturday daytime is allowed', () => {
    const q = { ...Q, weekends: false };
    expect(nextAllowedMoment(atLocalTime('2026-03-28', '12:00'), q)).toBe(atLocalTime('2026-03-28', '12:00'));
    expect(nextAllowedMoment(atLocalTime('2026-03-27', '22:00'), q)).toBe(atLocalTime('2026-03-28', '08:00'));
  });

  it('a daytime quiet window (not wrapping midnight) works too', () => {
    const lunch = { start: '12:00', end: '13:00', weekends: false };
    expect(nextAllowedMoment(atLocalTime('2026-03-26', '12:30'), lunch)).toBe(atLocalTime('2026-03-26', '13:00'));
    expect(previousAllowedMoment(atLocalTime('2026-03-26', '12:30'), lunch)).toBe(atLocalTime('2026-03-26', '11:00'));
  });

  it('moving earlier lands an hour before quiet hours began', () => {
    expect(previousAllowedMoment(atLocalTime('2026-03-25', '22:00'), Q)).toBe(atLocalTime('2026-03-25', '19:00'));
    expect(previousAllowedMoment(atLocalTime('2026-03-26', '07:00'), Q)).toBe(atLocalTime('2026-03-25', '19:00'));
    // Sunday and Monday early morning go back to Friday 19:00.
    expect(previousAllowedMoment(atLocalTime('2026-03-29', '10:00'), Q)).toBe(atLocalTime('2026-03-27', '19:00'));
    expect(previousAllowedMoment(atLocalTime('2026-03-30', '07:00'), Q)).toBe(atLocalTime('2026-03-27', '19:00'));
    expect(previousAllowedMoment(atLocalTime('2026-03-26', '15:00'), Q)).toBe(atLocalTime('2026-03-26', '15:00'));
  });

  it('property: the next allowed moment is never quiet and never earlier', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * 365 * 24 * 4 }), (quarter) => {
        const t = new Date(Date.parse('2026-01-01T00:00:00.000Z') + quarter * 15 * 60_000).toISOString();
        const next = nextAllowedMoment(t, Q);
        const prev = previousAllowedMoment(t, Q);
        expect(isQuiet(next, Q)).toBe(false);
        expect(isQuiet(prev, Q)).toBe(false);
        expect(Date.parse(next)).toBeGreaterThanOrEqual(Date.parse(t));
        expect(Date.parse(prev)).toBeLessThanOrEqual(Date.parse(t));
        // Never more than a weekend plus a night away.
        expect(Date.parse(next) - Date.parse(t)).toBeLessThanOrEqual(61 * 3600_000);
      }),
    );
  });
});
