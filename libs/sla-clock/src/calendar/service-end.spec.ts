import { BusinessCalendar, hours } from './business-calendar';
import { parseCalendarDefinition, type CalendarDefinitionInput } from './calendar-definition';
import { evaluateTicketClocks } from '../clock/ticket-clock';
import { at, businessHours, local, targetTable, workingDays } from '../testing/calendar-builders';

const calendarOf = (versions: CalendarDefinitionInput['versions'], timeZone = 'UTC') =>
  new BusinessCalendar(parseCalendarDefinition({ id: 'ending', name: 'ending', timeZone, versions }));

/** 24x7 until 2026-06-01, then a version without weekly windows: the calendar of issue 12, item 2. */
const serviceEndsJune = () =>
  calendarOf([{ weeklyWindows: '24x7' }, { effectiveFrom: '2026-06-01', weeklyWindows: {} }]);
/** No weekly windows at all: only two extra working days are worked. */
const onlyExtraWorkingDays = () =>
  calendarOf([
    {
      weeklyWindows: {},
      workingDayWindows: ['09:00-17:00'],
      extraWorkingDays: [
        { date: '2026-06-06', name: 'Migration weekend' },
        { date: '2026-06-13', windows: ['09:00-13:00'] },
      ],
    },
  ]);

// Each of these took 6-50 s before the calendar knew its last possible working day (it built 50+ years of days).
describe('a calendar whose service ends: "never" answered at once', () => {
  it('instantWhenExceeded past the last window is null: 4 h from 2026-05-31T22:00Z with 2 h left', () => {
    const calendar = serviceEndsJune();
    expect(calendar.instantWhenExceeded(at('2026-05-31T22:00'), hours(4))).toBeNull();
    // Exactly the time left is used up at the end of the last window, and never exceeded.
    expect(local(calendar.instantWhenElapsed(at('2026-05-31T22:00'), hours(2)))).toBe('2026-06-01T00:00');
    expect(calendar.instantWhenExceeded(at('2026-05-31T22:00'), hours(2))).toBeNull();
    expect(local(calendar.instantWhenExceeded(at('2026-05-31T22:00'), hours(1)))).toBe('2026-05-31T23:00');
  });

  it('instantWhenElapsed past the last window is null, from inside and from after the service', () => {
    const calendar = serviceEndsJune();
    expect(calendar.instantWhenElapsed(at('2026-05-31T22:00'), hours(4))).toBeNull();
    expect(calendar.instantWhenElapsed(at('2026-07-01T00:00'), 1)).toBeNull();
  });

  it('nextBusinessInstant after the last window is null', () => {
    const calendar = serviceEndsJune();
    expect(calendar.nextBusinessInstant(at('2026-06-02T00:00'))).toBeNull();
    expect(calendar.nextBusinessInstant(at('2026-06-01T00:00'))).toBeNull();
    expect(local(calendar.nextBusinessInstant(at('2026-05-31T23:59')))).toBe('2026-05-31T23:59');
  });

  it('addWorkingDays beyond the last working day is null', () => {
    const calendar = serviceEndsJune();
    expect(calendar.addWorkingDays(at('2026-05-31T22:00'), 3)).toBeNull();
    expect(local(calendar.addWorkingDays(at('2026-05-29T10:00'), 2))).toBe('2026-05-31T10:00');
  });

  it('measures no business time after the end, however far', () => {
    const calendar = serviceEndsJune();
    expect(calendar.businessDuration(at('2026-05-31T00:00'), at('2090-01-01T00:00'))).toBe(hours(24));
    expect(calendar.intervals(at('2026-06-01T00:00'), at('2090-01-01T00:00'))).toEqual([]);
  });

  it('a calendar made only of extra working days: null once they are used up', () => {
    const calendar = onlyExtraWorkingDays();
    const start = at('2026-06-06T10:00');
    expect(local(calendar.instantWhenExceeded(start, hours(7)))).toBe('2026-06-13T09:00');
    expect(local(calendar.instantWhenElapsed(start, hours(11)))).toBe('2026-06-13T13:00');
    expect(calendar.instantWhenExceeded(start, hours(11))).toBeNull();
    expect(calendar.instantWhenElapsed(start, hours(12))).toBeNull();
    expect(calendar.nextBusinessInstant(at('2026-06-13T13:00'))).toBeNull();
    expect(local(calendar.nextBusinessInstant(at('2026-06-07T00:00')))).toBe('2026-06-13T09:00');
    expect(local(calendar.addWorkingDays(start, 1))).toBe('2026-06-13T10:00');
    expect(calendar.addWorkingDays(start, 2)).toBeNull();
    expect(calendar.nextBusinessInstant(at('2027-01-01T00:00'))).toBeNull();
  });

  it('a gap of decades without weekly windows is crossed without walking it day by day', () => {
    const calendar = calendarOf(
      [
        { weeklyWindows: '24x7' },
        {
          effectiveFrom: '2026-06-01',
          weeklyWindows: {},
          extraWorkingDays: [{ date: '2070-03-02', windows: ['09:00-10:00'] }],
        },
        { effectiveFrom: '2080-01-01', weeklyWindows: { mon: ['09:00-17:00'] } },
      ],
      'Europe/Berlin',
    );
    const berlin = (instant: number | null) => local(instant, 'Europe/Berlin');
    const lastHour = at('2026-05-31T23:00', 'Europe/Berlin');
    expect(berlin(calendar.instantWhenExceeded(lastHour, hours(1.5)))).toBe('2070-03-02T09:30');
    expect(berlin(calendar.nextBusinessInstant(at('2070-03-02T10:00', 'Europe/Berlin')))).toBe('2080-01-01T09:00');
  });

  it('a ticket on such a calendar can never breach: no breach, due or at-risk instant', () => {
    const calendar = serviceEndsJune();
    const targets = targetTable(calendar.id, { response: businessHours(4), resolution: workingDays(5) });
    const facts = [{ type: 'opened' as const, at: at('2026-05-31T22:00'), priority: 'P2' as const }];
    const calendars = new Map([[calendar.id, calendar]]);
    const { response, resolution } = evaluateTicketClocks({ facts, targets, calendars, asOf: at('2026-06-10T00:00') });
    expect(response).toMatchObject({ state: 'running', elapsed: hours(2), remaining: hours(2) });
    expect([response.dueAt, response.breachAt]).toEqual([null, null]);
    expect(response.breachedAt).toBeNull();
    expect(response.atRisk.map((risk) => risk.at)).toEqual([null]);
    expect(resolution).toMatchObject({ state: 'running', targetDuration: null, dueAt: null, breachAt: null });
    expect(resolution.breachedAt).toBeNull();
  });
});
