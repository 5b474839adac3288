import { agreementContentSchema } from './agreement-content';
import type { AgreementEvent } from './agreement.events';
import { versionInForceAt } from './version-in-force';

const content = (effectiveFrom: string, title: string) =>
  agreementContentSchema.parse({ title, services: ['email'], effectiveFrom, expiresAt: '2027-04-01T00:00:00Z' });
const party = { name: 'p', contacts: [] };
const events: AgreementEvent[] = [
  {
    type: 'AgreementDrafted',
    data: {
      agreementId: 'a',
      kind: 'SLA',
      provider: party,
      counterparty: party,
      version: 1,
      content: content('2026-03-01T00:00:00Z', 'v1'),
      occurredAt: '2026-02-01T00:00:00Z',
    },
  },
  {
    type: 'AgreementVersionApproved',
    data: { agreementId: 'a', version: 1, effectiveFrom: '2026-03-01T00:00:00Z', occurredAt: '2026-02-10T00:00:00Z' },
  },
  {
    type: 'AgreementAmendmentDrafted',
    data: {
      agreementId: 'a',
      version: 2,
      basedOnVersion: 1,
      changeRequest: 'CR-9',
      content: content('2026-03-10T00:00:00Z', 'v2'),
      occurredAt: '2026-03-05T00:00:00Z',
    },
  },
  {
    type: 'AgreementVersionApproved',
    data: { agreementId: 'a', version: 2, effectiveFrom: '2026-03-10T00:00:00Z', occurredAt: '2026-03-08T00:00:00Z' },
  },
  { type: 'AgreementSuspended', data: { agreementId: 'a', reason: 'x', occurredAt: '2026-05-01T00:00:00Z' } },
  { type: 'AgreementResumed', data: { agreementId: 'a', occurredAt: '2026-05-15T00:00:00Z' } },
  {
    type: 'AgreementTerminationNoticeGiven',
    data: {
      agreementId: 'a',
      givenBy: 'provider',
      reason: 'x',
      terminatesAt: '2026-09-01T00:00:00Z',
      shortNoticeAgreement: null,
      occurredAt: '2026-07-01T00:00:00Z',
    },
  },
];
const at = (iso: string) => versionInForceAt(events, Date.parse(iso));

describe('version in force at an instant', () => {
  it('is none before the first effective date', () => {
    expect(at('2026-02-28T23:59:59Z')).toBeNull();
  });

  it('judges a ticket opened on 3 March by the terms effective on 3 March, even after the 10 March amendment', () => {
    expect(at('2026-03-03T12:00:00Z')).toMatchObject({ version: 1, changeRequest: null, content: { title: 'v1' } });
    expect(at('2026-03-10T00:00:00Z')).toMatchObject({ version: 2, changeRequest: 'CR-9', content: { title: 'v2' } });
  });

  it('reports suspension and ends at termination', () => {
    expect(at('2026-05-05T00:00:00Z')).toMatchObject({ version: 2, suspended: true });
    expect(at('2026-05-15T00:00:00Z')).toMatchObject({ version: 2, suspended: false });
    expect(at('2026-08-31T23:59:59Z')).toMatchObject({ version: 2 });
    expect(at('2026-09-01T00:00:00Z')).toBeNull();
  });
});
