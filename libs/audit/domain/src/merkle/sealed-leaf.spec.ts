import { eventLeaf, type LoggedEvent } from './log-leaf';
import { leafHash } from './merkle-tree';
import { matchSealedLeaf } from './sealed-leaf';

const stored = (streamName: string): LoggedEvent => ({
  id: '5f0c6b7e-2f43-4a55-9d7a-0e6f3c2b1a09',
  streamName,
  streamRevision: 0n,
  type: 'ServiceReportDrafted',
  schemaVersion: 1,
  data: { reportId: 'email-sla-2026-03' },
  metadata: { actor: 'slm.alice' },
  recordedAt: new Date('2026-04-01T08:00:00Z'),
});
const sealedAs = (streamName: string) => leafHash(eventLeaf(stored(streamName)));

describe('matchSealedLeaf', () => {
  it('given an event unchanged since it was sealed, then it matches as stored', () => {
    const name = 'service_report-email-sla-2026-03';
    expect(matchSealedLeaf(stored(name), sealedAs(name))).toMatchObject({
      matches: true,
      underLegacyStreamName: false,
    });
  });

  it('given an event sealed before its stream was renamed, then it matches only under the legacy name', () => {
    const match = matchSealedLeaf(
      stored('service_report-email-sla-2026-03'),
      sealedAs('service-report-email-sla-2026-03'),
    );
    expect(match).toMatchObject({ matches: true, underLegacyStreamName: true });
    expect(match.hash.equals(sealedAs('service-report-email-sla-2026-03'))).toBe(true);
  });

  it('given an event moved back to a legacy name, or to another category, then it does not match', () => {
    const name = 'service_report-email-sla-2026-03';
    expect(matchSealedLeaf(stored('service-report-email-sla-2026-03'), sealedAs(name)).matches).toBe(false);
    expect(
      matchSealedLeaf(stored('sla_watch-email-sla-2026-03'), sealedAs('service-report-email-sla-2026-03')).matches,
    ).toBe(false);
  });

  it('given no sealed leaf, then it gives the event’s own hash and no match', () => {
    const name = 'ticket-T-1';
    expect(matchSealedLeaf(stored(name), undefined)).toMatchObject({ matches: false, hash: sealedAs(name) });
  });
});
