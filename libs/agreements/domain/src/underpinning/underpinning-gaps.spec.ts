import { BusinessCalendar, parseCalendarDefinition } from '@sla/sla-clock';
import { agreementContentSchema, type AgreementContentInput } from '../agreement/agreement-content';
import { findUnderpinningGaps, type SupportingAgreement } from './underpinning-gaps';

const calendar = (id: string, weeklyWindows: '24x7' | Record<string, string[]>) =>
  new BusinessCalendar(
    parseCalendarDefinition({ id, name: id, timeZone: 'Europe/Berlin', versions: [{ weeklyWindows }] }),
  );
const weekdays = (window: string) => ({ mon: [window], tue: [window], wed: [window], thu: [window], fri: [window] });
const calendars = new Map(
  [
    calendar('24x7', '24x7'),
    calendar('office', weekdays('08:00-18:00')),
    calendar('short-office', weekdays('09:00-17:00')),
  ].map((cal) => [cal.id, cal]),
);

const hours = (amount: number) => ({ unit: 'business-hours' as const, amount });
const target = (
  priority: 'P1' | 'P2',
  response: number,
  resolution: number,
  calendarId = 'office',
  supportedBy: { agreementId: string; serviceId: string; priority: 'P1' | 'P2' }[] = [],
) => ({
  serviceId: 'email',
  priority,
  response: { duration: hours(response), calendarId },
  resolution: { duration: hours(resolution), calendarId },
  supportedBy,
});
const content = (input: Partial<AgreementContentInput>) =>
  agreementContentSchema.parse({ title: 't', services: ['email'], effectiveFrom: '2026-01-01T00:00:00Z', ...input });
const supporting = (
  agreementId: string,
  kind: 'OLA' | 'UC' | 'SLA',
  input: Partial<AgreementContentInput>,
): SupportingAgreement => ({ agreementId, kind, version: 1, content: content(input) });

describe('underpinning gaps', () => {
  const link = { agreementId: 'mail-ola', serviceId: 'email', priority: 'P2' as const };

  it('finds none when every SLA target is backed by an OLA target at least as strict', () => {
    const sla = content({
      serviceTargets: [target('P2', 4, 12, 'office', [link])],
      availabilityTargets: [
        {
          serviceId: 'email',
          percentage: 99.9,
          period: 'month',
          calendarId: '24x7',
          supportedBy: [{ agreementId: 'mail-ola', serviceId: 'email' }],
        },
      ],
    });
    const ola = supporting('mail-ola', 'OLA', {
      serviceTargets: [target('P2', 2, 8)],
      availabilityTargets: [{ serviceId: 'email', percentage: 99.95, period: 'month', calendarId: '24x7' }],
    });
    expect(findUnderpinningGaps(sla, [ola], calendars)).toEqual([]);
  });

  it('lists SLA targets without any supporting target', () => {
    const gaps = findUnderpinningGaps(content({ serviceTargets: [target('P1', 1, 4)] }), [], calendars);
    expect(gaps.map((gap) => [gap.metric, gap.problem])).toEqual([
      ['response', 'unsupported'],
      ['resolution', 'unsupported'],
    ]);
  });

  it('lists weaker supporting targets: longer resolution, lower availability, narrower service hours', () => {
    const sla = content({
      serviceTargets: [target('P2', 4, 12, 'office', [link])],
      availabilityTargets: [
        {
          serviceId: 'email',
          percentage: 99.9,
          period: 'month',
          calendarId: '24x7',
          supportedBy: [{ agreementId: 'mail-ola', serviceId: 'email' }],
        },
      ],
    });
    const weaker = supporting('mail-ola', 'OLA', {
      serviceTargets: [target('P2', 4, 16)],
      availabilityTargets: [{ serviceId: 'email', percentage: 99.5, period: 'month', calendarId: '24x7' }],
    });
    const gaps = findUnderpinningGaps(sla, [weaker], calendars);
    expect(gaps.map((gap) => [gap.metric, gap.problem])).toEqual([
      ['resolution', 'weaker-target'],
      ['availability', 'lower-availability'],
    ]);
    expect(gaps[0].detail).toMatch(/16 business-hours in office is longer than the agreed 12 business-hours in office/);

    const narrower = supporting('mail-ola', 'OLA', { serviceTargets: [target('P2', 1, 2, 'short-office')] });
    const hoursGaps = findUnderpinningGaps(
      content({ serviceTargets: [target('P2', 4, 12, 'office', [link])] }),
      [narrower],
      calendars,
    );
    expect(hoursGaps.map((gap) => gap.problem)).toEqual(['narrower-service-hours', 'narrower-service-hours']);
  });

  it('treats a 24x7 supporting target as at least as strict as the same hours in business time', () => {
    const sla = content({ serviceTargets: [target('P2', 4, 12, 'office', [link])] });
    const roundTheClock = supporting('mail-ola', 'UC', { serviceTargets: [target('P2', 4, 12, '24x7')] });
    expect(findUnderpinningGaps(sla, [roundTheClock], calendars)).toEqual([]);
  });

  it('names missing or unsuitable supporting agreements', () => {
    const sla = content({ serviceTargets: [target('P2', 4, 12, 'office', [link])] });
    expect(findUnderpinningGaps(sla, [], calendars)[0].problem).toBe('supporting-agreement-unknown');
    expect(findUnderpinningGaps(sla, [supporting('mail-ola', 'SLA', {})], calendars)[0].problem).toBe(
      'supporting-agreement-not-ola-or-uc',
    );
    expect(
      findUnderpinningGaps(sla, [supporting('mail-ola', 'OLA', { serviceTargets: [target('P1', 1, 2)] })], calendars)[0]
        .problem,
    ).toBe('supporting-target-missing');
  });
});
