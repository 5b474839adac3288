import fc from 'fast-check';
import { agreementContentSchema } from '@sla/agreements-domain';
import { calendarDefinitionSchema } from '@sla/sla-clock';
import type { BundleEventFacts } from './bundle-completeness';
import { availabilityFigureProblems, availabilityFromEvents } from './bundle-figures';

const HOUR = 3_600_000;
const period = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
const revisions = new Map<string, number>();
const eventOf = (streamName: string, type: string, data: unknown): BundleEventFacts => {
  const revision = revisions.get(streamName) ?? 0;
  revisions.set(streamName, revision + 1);
  return { id: `${streamName}@${revision}-${type}`, type, streamName, streamRevision: String(revision), data };
};

const party = { name: 'x', contacts: [] };
const content = (percentage: number, effectiveFrom: string) =>
  agreementContentSchema.parse({
    title: 'Mail SLA',
    services: ['email'],
    availabilityTargets: [{ serviceId: 'email', percentage, period: 'month', calendarId: 'round-the-clock' }],
    effectiveFrom,
  });
const allDay = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, ['00:00-24:00']]),
);
// Version 1 (99.5 %) in force from 1 March, version 2 (99.9 %) from 16 March: two terms in March.
const agreementAndCalendar = [
  eventOf('agreement-sla', 'AgreementDrafted', {
    agreementId: 'sla',
    kind: 'SLA',
    provider: party,
    counterparty: party,
    version: 1,
    content: content(99.5, '2026-03-01T00:00:00Z'),
    occurredAt: '2026-02-01T00:00:00Z',
  }),
  eventOf('agreement-sla', 'AgreementVersionApproved', {
    agreementId: 'sla',
    version: 1,
    effectiveFrom: '2026-03-01T00:00:00Z',
    occurredAt: '2026-02-20T00:00:00Z',
  }),
  eventOf('agreement-sla', 'AgreementAmendmentDrafted', {
    agreementId: 'sla',
    version: 2,
    basedOnVersion: 1,
    changeRequest: 'CR-9',
    content: content(99.9, '2026-03-16T00:00:00Z'),
    occurredAt: '2026-03-05T00:00:00Z',
  }),
  eventOf('agreement-sla', 'AgreementVersionApproved', {
    agreementId: 'sla',
    version: 2,
    effectiveFrom: '2026-03-16T00:00:00Z',
    occurredAt: '2026-03-06T00:00:00Z',
  }),
  eventOf('calendar-round-the-clock', 'ServiceCalendarDefined', {
    calendarId: 'round-the-clock',
    definition: calendarDefinitionSchema.parse({
      id: 'round-the-clock',
      name: 'Round the clock',
      timeZone: 'UTC',
      versions: [{ weeklyWindows: allDay }],
    }),
    changeRequest: null,
    occurredAt: '2026-01-01T00:00:00Z',
  }),
];

const outage = (outageId: string, start: string, end: string, impact = 'full', weight?: number) => [
  eventOf(`outage-${outageId}`, 'OutageStarted', {
    outageId,
    serviceId: 'email',
    impact,
    ...(weight === undefined ? {} : { weight }),
    ticketId: null,
    occurredAt: start,
  }),
  eventOf(`outage-${outageId}`, 'OutageEnded', { outageId, occurredAt: end }),
];
// O-1: 1 h full in version 1's term. O-2: 4 h at half weight in version 2's term, its first 2 h in MW-1.
const downtime = [
  ...outage('O-1', '2026-03-10T00:00:00Z', '2026-03-10T01:00:00Z'),
  ...outage('O-2', '2026-03-20T00:00:00Z', '2026-03-20T04:00:00Z', 'partial', 0.5),
  eventOf('maintenance-MW-1', 'MaintenanceWindowScheduled', {
    windowId: 'MW-1',
    serviceId: 'email',
    changeReference: 'CHG-1',
    title: 'Relay upgrade',
    schedule: { kind: 'once', start: '2026-03-20T00:00:00Z', end: '2026-03-20T02:00:00Z' },
    occurredAt: '2026-03-01T00:00:00Z',
  }),
];
const events = [...agreementAndCalendar, ...downtime];
const closed = Date.parse(period.to);

describe('availability recomputed from the bundle', () => {
  it('given two versions in force in the month, then each term is measured against its own target (hand-computed)', () => {
    const terms = availabilityFromEvents('sla', period, events, closed);
    expect(terms).toEqual([
      expect.objectContaining({
        version: 1,
        from: '2026-03-01T00:00:00.000Z',
        to: '2026-03-16T00:00:00.000Z',
        agreedServiceTime: 360 * HOUR,
        downtime: HOUR,
        // 359 / 360
        availabilityPercent: '99.722222',
        targetMet: true,
        // 0.5 % of 360 h = 1.8 h allowed, 1 h used.
        remainingDowntimeBudget: 0.8 * HOUR,
        failures: 1,
      }),
      expect.objectContaining({
        version: 2,
        from: '2026-03-16T00:00:00.000Z',
        to: '2026-04-01T00:00:00.000Z',
        agreedServiceTime: 384 * HOUR,
        // Half of the 2 h outside maintenance; half of the 2 h inside it is excluded.
        downtime: HOUR,
        excludedMaintenanceDowntime: HOUR,
        maintenanceTime: 2 * HOUR,
        // 383 / 384
        availabilityPercent: '99.739583',
        targetMet: false,
        // 0.1 % of 384 h = 1 382 400 ms allowed.
        remainingDowntimeBudget: 1_382_400 - HOUR,
      }),
    ]);
  });

  const stated = () => ({ terms: availabilityFromEvents('sla', period, events, closed), allTargetsMet: false });

  it('given the stated terms as recomputed, then nothing is wrong', () => {
    expect(availabilityFigureProblems('sla', period, events, stated())).toEqual([]);
  });

  it.each([
    ['targetMet', true],
    ['remainingDowntimeBudget', 0],
    ['downtime', 0],
    ['availabilityPercent', '99.900000'],
  ])('given %s edited in the second term, then it names the term and the field', (field, value) => {
    const figures = stated();
    const original = (figures.terms[1] as Record<string, unknown>)[field];
    (figures.terms[1] as Record<string, unknown>)[field] = value;
    expect(availabilityFigureProblems('sla', period, events, figures)).toEqual([
      `figure availability: term email version 2 from 2026-03-16T00:00:00.000Z ${field} is stated as ${value}, the bundle's events give ${String(original)}`,
    ]);
  });

  it('given a term left out of the stated figures, then it names the missing term', () => {
    const figures = stated();
    figures.terms = figures.terms.slice(0, 1);
    expect(availabilityFigureProblems('sla', period, events, figures)).toEqual([
      "figure availability: the bundle's events give term email version 2 from 2026-03-16T00:00:00.000Z, which the stated figures lack",
    ]);
  });

  it('given allTargetsMet stated true, then it names it', () => {
    expect(availabilityFigureProblems('sla', period, events, { ...stated(), allTargetsMet: true })).toEqual([
      "figure availability: allTargetsMet is stated as true, the bundle's events give false",
    ]);
  });

  it('given terms stated as measured after the manifest was logged, then it refuses to measure that far', () => {
    expect(availabilityFigureProblems('sla', period, events, stated(), '2026-03-20T00:00:00.000Z')).toEqual([
      'figure availability: term email version 2 from 2026-03-16T00:00:00.000Z is stated as measured until 2026-04-01T00:00:00.000Z, after the manifest was logged (2026-03-20T00:00:00.000Z)',
    ]);
  });

  it('given a running month whose second term has not begun, then each term is checked where its measurement stopped', () => {
    // As the product's query measures on 10 March: the first term runs to then, the second stops at its own start.
    const asOfTenth = Date.parse('2026-03-10T00:30:00Z');
    const terms = availabilityFromEvents('sla', period, events, asOfTenth);
    expect(terms.map((term) => term.measuredUntil)).toEqual(['2026-03-10T00:30:00.000Z', '2026-03-16T00:00:00.000Z']);
    const figures = { terms, allTargetsMet: terms.every((term) => term.targetMet === true) };
    expect(availabilityFigureProblems('sla', period, events, figures, '2026-03-10T00:30:01.000Z')).toEqual([]);
  });

  it('given any full outage apart from the others, stated as measured and then dropped, then the downtime differs', () => {
    // After O-1, O-2 and MW-1: an outage inside a concurrent full one or inside maintenance adds no downtime.
    const instant = fc.integer({ min: Date.parse('2026-03-22T00:00:00Z'), max: Date.parse('2026-03-30T00:00:00Z') });
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 48 * 60 }), (start, minutes) => {
        const extra = outage(
          'O-9',
          new Date(start).toISOString(),
          new Date(start + minutes * 60_000).toISOString(),
        ).map((event) => ({ ...event, id: `${event.id}-${start}` }));
        const withOutage = [...events, ...extra];
        const terms = availabilityFromEvents('sla', period, withOutage, closed);
        const figures = { terms, allTargetsMet: terms.every((term) => term.targetMet === true) };
        expect(availabilityFigureProblems('sla', period, withOutage, figures)).toEqual([]);
        expect(availabilityFigureProblems('sla', period, events, figures)).toEqual([
          expect.stringMatching(/^figure availability: term email version [12] from \S+ downtime is stated as \d+/),
        ]);
      }),
    );
  });
});
