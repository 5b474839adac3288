import { BusinessCalendar, hours } from './business-calendar';
import { parseCalendarDefinition } from './calendar-definition';
import { at, calendar, local, weekdays } from '../testing/calendar-builders';

describe('BusinessCalendar', () => {
  it('handles windows that cross midnight: they belong to the day they start on', () => {
    const nights = calendar({ mon: ['22:00-06:00'], fri: ['22:00-06:00'] });
    expect(nights.businessDuration(at('2026-03-09T00:00'), at('2026-03-11T00:00'))).toBe(hours(8));
    expect(nights.isWorkingDay('2026-03-10')).toBe(false);
    // Friday night runs into Saturday morning.
    expect(local(nights.instantWhenElapsed(at('2026-03-13T22:00'), hours(7)))).toBe('2026-03-14T05:00');
  });

  it('takes public holidays from a national set (date-holidays) and from explicit dates', () => {
    const berlin = calendar(weekdays('09:00-17:00'), 'Europe/Berlin', {
      holidays: {
        national: { country: 'DE', subdivision: 'BE' },
        dates: [{ date: '2026-12-24', name: 'Company day off' }],
      },
    });
    expect(berlin.isWorkingDay('2026-12-24')).toBe(false);
    expect(berlin.isWorkingDay('2026-12-25')).toBe(false);
    expect(berlin.isWorkingDay('2026-03-09')).toBe(true);
    // International Women's Day is a public holiday in Berlin only: 2027-03-08 is a Monday.
    expect(berlin.isWorkingDay('2027-03-08')).toBe(false);
  });

  it('applies each calendar version from its effective date', () => {
    const versioned = new BusinessCalendar(
      parseCalendarDefinition({
        id: 'versioned',
        name: 'hours extended in April',
        timeZone: 'UTC',
        versions: [
          { weeklyWindows: weekdays('09:00-17:00') },
          { effectiveFrom: '2026-04-01', weeklyWindows: weekdays('08:00-20:00') },
        ],
      }),
    );
    expect(versioned.businessDuration(at('2026-03-31T00:00'), at('2026-04-01T00:00'))).toBe(hours(8));
    expect(versioned.businessDuration(at('2026-04-01T00:00'), at('2026-04-02T00:00'))).toBe(hours(12));
  });

  it('finds the next instant inside service hours', () => {
    const office = calendar(weekdays('09:00-17:00'));
    expect(local(office.nextBusinessInstant(at('2026-03-13T18:00')))).toBe('2026-03-16T09:00');
    expect(local(office.nextBusinessInstant(at('2026-03-13T10:00')))).toBe('2026-03-13T10:00');
  });

  it('counts real time inside windows on DST days: a skipped hour is not worked, a repeated hour is', () => {
    const nightShift = calendar({ sun: ['01:00-04:00'] }, 'Europe/Berlin');
    // 29 March 2026: 02:00 does not exist in Berlin; 25 October 2026: 02:00-03:00 happens twice.
    expect(
      nightShift.businessDuration(at('2026-03-29T00:00', 'Europe/Berlin'), at('2026-03-30T00:00', 'Europe/Berlin')),
    ).toBe(hours(2));
    expect(
      nightShift.businessDuration(at('2026-10-25T00:00', 'Europe/Berlin'), at('2026-10-26T00:00', 'Europe/Berlin')),
    ).toBe(hours(4));
    expect(
      nightShift.businessDuration(at('2026-03-22T00:00', 'Europe/Berlin'), at('2026-03-23T00:00', 'Europe/Berlin')),
    ).toBe(hours(3));
  });

  it('returns null rather than looping when a calendar has no service hours at all', () => {
    const never = calendar({});
    expect(never.instantWhenElapsed(at('2026-03-09T00:00'), hours(1))).toBeNull();
    expect(never.nextBusinessInstant(at('2026-03-09T00:00'))).toBeNull();
  });
});
