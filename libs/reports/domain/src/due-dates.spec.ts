import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BusinessCalendar, calendarFromJson, parseCalendarDefinition } from '@sla/sla-clock';
import { reportDue, timeliness } from './due-dates';

const china = new BusinessCalendar(
  calendarFromJson(
    readFileSync(path.join(__dirname, '../../../sla-clock/data/cn-2026-business-hours.calendar.json'), 'utf8'),
  ),
);
const germany = new BusinessCalendar(
  parseCalendarDefinition({
    id: 'de-office',
    name: 'Berlin office',
    timeZone: 'Europe/Berlin',
    versions: [
      {
        weeklyWindows: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, ['09:00-17:00']])),
        holidays: { national: { country: 'DE', subdivision: 'BE' } },
      },
    ],
  }),
);
const due = (period: string, calendar: BusinessCalendar) => reportDue(period, calendar).dueDate;

describe('service report due dates', () => {
  it('follow the rules: month by the 10th, quarter by the 10th, half by the 15th, year by 20 January', () => {
    expect(reportDue('2026-01', germany)).toMatchObject({ nominalDate: '2026-02-10', dueDate: '2026-02-10' });
    expect(reportDue('2026-Q1', germany)).toMatchObject({ nominalDate: '2026-04-10', dueDate: '2026-04-10' });
    // Ascension Day 2029 falls on 10 May: the April report moves to the Friday.
    expect(reportDue('2029-04', germany)).toMatchObject({ nominalDate: '2029-05-10', dueDate: '2029-05-11' });
    expect(reportDue('2026-H1', germany)).toMatchObject({ nominalDate: '2026-07-15', dueDate: '2026-07-15' });
    expect(reportDue('2025', germany)).toMatchObject({ nominalDate: '2026-01-20', dueDate: '2026-01-20' });
    expect(reportDue('2026-12', germany)).toMatchObject({ nominalDate: '2027-01-10', dueDate: '2027-01-11' }); // a Sunday
  });

  it('give different days on a China calendar with make-up working days than on a Western one', () => {
    // 10 October 2026 is a Saturday, but a make-up working day after National Day in China.
    expect(due('2026-09', china)).toBe('2026-10-10');
    expect(due('2026-09', germany)).toBe('2026-10-12');
    expect(due('2026-Q3', china)).toBe('2026-10-10');
    // 20 January 2027 and 15 July 2026 are ordinary working days in both.
    expect(due('2026', china)).toBe(due('2026', germany));
    expect(due('2026-H1', china)).toBe('2026-07-15');
    // 10 May is a Sunday everywhere.
    expect(due('2026-04', china)).toBe('2026-05-11');
    expect(due('2026-04', germany)).toBe('2026-05-11');
  });

  it('judge timeliness against the end of the due day in the calendar zone', () => {
    const september = reportDue('2026-09', china);
    // End of 10 October in Shanghai is 16:00 UTC.
    expect(september.deadline).toBe(Date.parse('2026-10-10T16:00:00Z'));
    expect(timeliness(september, Date.parse('2026-10-10T15:59:59Z'))).toEqual({ onTime: true, lateByMs: 0 });
    expect(timeliness(september, Date.parse('2026-10-11T16:00:00Z'))).toEqual({ onTime: false, lateByMs: 86_400_000 });
    expect(() => reportDue('2026-13', china)).toThrow(/not a reporting period/);
  });
});
