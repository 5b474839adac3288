import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ZodError } from 'zod';
import { BusinessCalendar, hours } from './business-calendar';
import {
  calendarFromICalendar,
  calendarFromJson,
  calendarToICalendar,
  calendarToJson,
  daysFromICalendar,
} from './calendar-files';
import { at, local } from '../testing/calendar-builders';

const dataFile = (name: string) => readFileSync(path.join(__dirname, '../../data', name), 'utf8');
const china = calendarFromJson(dataFile('cn-2026-business-hours.calendar.json'));

describe('calendar data files', () => {
  it('round-trips a calendar through JSON unchanged', () => {
    expect(calendarFromJson(calendarToJson(china))).toEqual(china);
  });

  it('round-trips holidays, make-up days, zone and windows through iCalendar', () => {
    const ics = calendarToICalendar(china);
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics).toContain('X-WR-TIMEZONE:Asia/Shanghai');
    const back = calendarFromICalendar(ics, { id: china.id });
    expect(back).toEqual({
      ...china,
      versions: [{ ...china.versions[0], holidays: { dates: china.versions[0].holidays!.dates } }],
    });
  });

  it('ships the 2026 China schedule as iCalendar too, with the same days as the JSON file', () => {
    const days = daysFromICalendar(dataFile('cn-2026-holidays.ics'));
    expect(days.timeZone).toBe('Asia/Shanghai');
    expect(days.holidays.map((day) => day.date)).toEqual(china.versions[0].holidays!.dates.map((day) => day.date));
    expect(days.extraWorkingDays.map((day) => day.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('counts China 2026 working days across the Spring Festival from the imported iCalendar file', () => {
    const cal = new BusinessCalendar(calendarFromICalendar(dataFile('cn-2026-holidays.ics'), { id: 'cn' }));
    const zone = 'Asia/Shanghai';
    // Thursday 12 February: Fri 13, Sat 14 (make-up), then nine days off, then Tue 24.
    expect(local(cal.addWorkingDays(at('2026-02-12T10:00', zone), 3), zone)).toBe('2026-02-24T10:00');
    expect(local(cal.addWorkingDays(at('2026-02-12T10:00', zone), 2), zone)).toBe('2026-02-14T10:00');
    // Business hours: Fri 13 and Sat 14 are full days, the festival counts nothing.
    expect(cal.businessDuration(at('2026-02-13T00:00', zone), at('2026-02-24T00:00', zone))).toBe(hours(18));
    // Sat 28 February is worked; Sun 1 March is not.
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
    expect(cal.isWorkingDay('2026-03-01')).toBe(false);
  });

  it('reads multi-day and yearly recurring holidays from a hand-written file', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//EN',
      'X-WR-TIMEZONE:Europe/Berlin',
      'BEGIN:VEVENT',
      'UID:christmas',
      'DTSTAMP:20260101T000000Z',
      'SUMMARY:Christmas',
      'DTSTART;VALUE=DATE:20251225',
      'DTEND;VALUE=DATE:20251227',
      'RRULE:FREQ=YEARLY',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:inventory',
      'DTSTAMP:20260101T000000Z',
      'SUMMARY:Inventory Saturday',
      'CATEGORIES:WORKDAY',
      'DTSTART;VALUE=DATE:20261128',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const days = daysFromICalendar(ics, { years: { from: 2025, to: 2027 } });
    expect(days.holidays.map((day) => day.date)).toEqual([
      '2025-12-25',
      '2025-12-26',
      '2026-12-25',
      '2026-12-26',
      '2027-12-25',
      '2027-12-26',
    ]);
    expect(days.extraWorkingDays).toEqual([{ date: '2026-11-28', name: 'Inventory Saturday' }]);
    const cal = new BusinessCalendar(
      calendarFromICalendar(
        ics,
        {
          id: 'berlin',
          weeklyWindows: {
            mon: ['09:00-17:00'],
            tue: ['09:00-17:00'],
            wed: ['09:00-17:00'],
            thu: ['09:00-17:00'],
            fri: ['09:00-17:00'],
          },
        },
        { years: { from: 2025, to: 2027 } },
      ),
    );
    expect(cal.isWorkingDay('2026-12-25')).toBe(false);
    expect(cal.isWorkingDay('2026-11-28')).toBe(true);
  });

  it('refuses a malformed calendar file, naming each field', () => {
    const bad = JSON.stringify({
      id: 'x',
      name: 'x',
      timeZone: 'Mars/Olympus',
      versions: [{ weeklyWindows: { mon: ['9-5'] }, extraWorkingDays: [{ date: '2026-02-30' }] }],
    });
    let error: unknown;
    try {
      calendarFromJson(bad);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ZodError);
    const paths = (error as ZodError).issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['timeZone', 'versions.0.weeklyWindows.mon.0', 'versions.0.extraWorkingDays.0.date']),
    );
  });
});
