import { agreementContentSchema, type AgreementEvent } from '@sla/agreements-domain';
import { availabilityTerms, versionsInForceDuring } from './agreement-periods';

const party = { name: 'x', contacts: [] };
const content = (percentage: number, effectiveFrom: string) =>
  agreementContentSchema.parse({
    title: 'Mail SLA',
    services: ['email'],
    availabilityTargets: [{ serviceId: 'email', percentage, period: 'month', calendarId: '24x7' }],
    effectiveFrom,
  });
const events = [
  {
    type: 'AgreementDrafted',
    data: {
      agreementId: 'sla',
      kind: 'SLA',
      provider: party,
      counterparty: party,
      version: 1,
      content: content(99.5, '2026-03-01T00:00:00Z'),
      occurredAt: '2026-02-01T00:00:00Z',
    },
  },
  {
    type: 'AgreementVersionApproved',
    data: { agreementId: 'sla', version: 1, effectiveFrom: '2026-03-01T00:00:00Z', occurredAt: '2026-02-20T00:00:00Z' },
  },
  {
    type: 'AgreementAmendmentDrafted',
    data: {
      agreementId: 'sla',
      version: 2,
      basedOnVersion: 1,
      changeRequest: 'CR-9',
      content: content(99.9, '2026-03-16T00:00:00Z'),
      occurredAt: '2026-03-05T00:00:00Z',
    },
  },
  {
    type: 'AgreementVersionApproved',
    data: { agreementId: 'sla', version: 2, effectiveFrom: '2026-03-16T00:00:00Z', occurredAt: '2026-03-06T00:00:00Z' },
  },
] as AgreementEvent[];

describe('availability terms of an agreement over a period', () => {
  it('splits the period where another version came into force, each part with its own target', () => {
    const terms = availabilityTerms(
      events,
      'email',
      Date.parse('2026-02-15T00:00:00Z'),
      Date.parse('2026-04-01T00:00:00Z'),
    );
    expect(
      terms.map((term) => [
        new Date(term.from).toISOString(),
        new Date(term.to).toISOString(),
        term.version,
        term.target.percentage,
      ]),
    ).toEqual([
      ['2026-03-01T00:00:00.000Z', '2026-03-16T00:00:00.000Z', 1, 99.5],
      ['2026-03-16T00:00:00.000Z', '2026-04-01T00:00:00.000Z', 2, 99.9],
    ]);
    expect(
      availabilityTerms(events, 'vpn', Date.parse('2026-03-01T00:00:00Z'), Date.parse('2026-04-01T00:00:00Z')),
    ).toEqual([]);
  });
});

describe('versions in force during a period', () => {
  const at = Date.parse;
  it('names every version in force at some instant of the period, and none before the first came into force', () => {
    expect(versionsInForceDuring(events, at('2026-03-01T00:00:00Z'), at('2026-04-01T00:00:00Z'))).toEqual([1, 2]);
    expect(versionsInForceDuring(events, at('2026-04-01T00:00:00Z'), at('2026-05-01T00:00:00Z'))).toEqual([2]);
    expect(versionsInForceDuring(events, at('2026-02-01T00:00:00Z'), at('2026-03-01T00:00:00Z'))).toEqual([]);
    // Drafted only: never in force.
    const draftedOnly = events.slice(0, 1);
    expect(versionsInForceDuring(draftedOnly, at('2026-03-01T00:00:00Z'), at('2026-04-01T00:00:00Z'))).toEqual([]);
  });

  it('leaves out a version while the agreement is suspended', () => {
    const suspended = [
      ...events,
      {
        type: 'AgreementSuspended',
        data: { agreementId: 'sla', reason: 'dispute', occurredAt: '2026-03-20T00:00:00Z' },
      },
    ] as AgreementEvent[];
    expect(versionsInForceDuring(suspended, at('2026-04-01T00:00:00Z'), at('2026-05-01T00:00:00Z'))).toEqual([]);
    expect(versionsInForceDuring(suspended, at('2026-03-16T00:00:00Z'), at('2026-04-01T00:00:00Z'))).toEqual([2]);
  });
});
