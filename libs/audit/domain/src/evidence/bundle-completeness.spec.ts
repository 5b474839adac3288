import fc from 'fast-check';
import { streamCompletenessProblems, ticketSetProblems, type BundleEventFacts } from './bundle-completeness';
import { breachFigureProblems } from './bundle-figures';

const eventAt = (
  streamName: string,
  revision: number,
  type = 'TicketResolved',
  data: unknown = {},
): BundleEventFacts => ({
  id: `${streamName}@${revision}`,
  type,
  streamName,
  streamRevision: String(revision),
  data,
});
const period = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };

describe('streamCompletenessProblems', () => {
  it('given every revision from 0 to the last, then nothing is wrong', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), (last) => {
        const events = Array.from({ length: last + 1 }, (_, revision) => eventAt('ticket-T-1', revision));
        expect(streamCompletenessProblems([{ streamName: 'ticket-T-1', lastRevision: String(last) }], events)).toEqual(
          [],
        );
      }),
    );
  });

  it('given any revisions left out, then the stream is named as not whole', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 40 })
          .chain((last) =>
            fc.tuple(fc.constant(last), fc.uniqueArray(fc.integer({ min: 0, max: last }), { minLength: 1 })),
          ),
        ([last, dropped]) => {
          const events = Array.from({ length: last + 1 }, (_, revision) => eventAt('ticket-T-1', revision)).filter(
            (event) => !dropped.includes(Number(event.streamRevision)),
          );
          const problems = streamCompletenessProblems(
            [{ streamName: 'ticket-T-1', lastRevision: String(last) }],
            events,
          );
          expect(problems.length).toBeGreaterThan(0);
          for (const problem of problems) expect(problem).toMatch(/^stream ticket-T-1 /);
        },
      ),
    );
  });

  it('given a stream the manifest does not name, then it is named', () => {
    expect(streamCompletenessProblems([], [eventAt('ticket-T-9', 0)])).toEqual([
      'stream ticket-T-9 is in the bundle but not in the logged manifest',
    ]);
  });
});

describe('ticketSetProblems', () => {
  const agreement = eventAt('agreement-email-sla', 0, 'AgreementDrafted', { content: { services: ['email'] } });
  const opened = (ticketId: string, serviceId: string, occurredAt: string) =>
    eventAt(`ticket-${ticketId}`, 0, 'TicketOpened', { ticketId, serviceId, occurredAt });

  it("given the agreement's services' tickets of the period, then nothing is wrong", () => {
    expect(
      ticketSetProblems('email-sla', period, [agreement, opened('T-1', 'email', '2026-03-05T00:00:00Z')], []),
    ).toEqual([]);
  });

  it('given a ticket opened before the period with no breach in it, then it is named', () => {
    expect(
      ticketSetProblems('email-sla', period, [agreement, opened('T-0', 'email', '2026-02-27T00:00:00Z')], []),
    ).toEqual(['ticket stream ticket-T-0 opened 2026-02-27T00:00:00Z, outside the period, and has no breach in it']);
  });

  it('given a ticket opened before the period that breached in it under this agreement, then it belongs', () => {
    const finding = (agreementId: string) =>
      eventAt('sla_watch-T-0', 0, 'TicketSlaBreached', {
        ticketId: 'T-0',
        agreementId,
        breachedAt: '2026-03-02T00:00:00Z',
      });
    const before = opened('T-0', 'email', '2026-02-27T00:00:00Z');
    expect(ticketSetProblems('email-sla', period, [agreement, before, finding('email-sla')], [])).toEqual([]);
    expect(ticketSetProblems('email-sla', period, [agreement, before, finding('other-ola')], [])).toEqual([
      'ticket stream ticket-T-0 opened 2026-02-27T00:00:00Z, outside the period, and has no breach in it',
    ]);
  });

  it('given a finding or a stated breach on a ticket whose stream is left out, then the ticket is named', () => {
    const finding = eventAt('sla_watch-T-2', 0, 'TicketSlaBreached', {
      ticketId: 'T-2',
      breachedAt: '2026-03-06T00:00:00Z',
    });
    expect(ticketSetProblems('email-sla', period, [agreement, finding], [{ ticketId: 'T-3' }])).toEqual([
      'stream sla_watch-T-2 records findings on ticket T-2, whose ticket stream is not in the bundle',
      'the stated breaches name ticket T-3, whose ticket stream is not in the bundle',
    ]);
  });
});

describe('breachFigureProblems', () => {
  const breach = (id: string, breachedAt: string) => ({
    ...eventAt('sla_watch-T-1', 0, 'TicketSlaBreached', {
      ticketId: 'T-1',
      agreementId: 'email-sla',
      metric: 'response',
      version: 1,
      serviceId: 'email',
      priority: 'P1',
      targetMs: 3_600_000,
      calendarId: 'office',
      breachedAt,
      detectedAt: breachedAt,
    }),
    id,
  });
  const stated = (eventId: string, breachedAt: string) => ({
    eventId,
    ticketId: 'T-1',
    metric: 'response',
    breachedAt,
    retractedAt: null,
  });
  const first = '9d7b3c1e-0000-4000-8000-000000000001';

  it('given the stated breaches are the findings of the period, then nothing is wrong', () => {
    expect(
      breachFigureProblems(
        'email-sla',
        period,
        [breach(first, '2026-03-02T01:00:00.000Z')],
        [stated(first, '2026-03-02T01:00:00.000Z')],
      ),
    ).toEqual([]);
  });

  it('given a finding the stated breaches lack, then its event is named', () => {
    expect(breachFigureProblems('email-sla', period, [breach(first, '2026-03-02T01:00:00.000Z')], [])).toEqual([
      `figure breaches: event ${first} records a breach of ticket T-1 (response) at 2026-03-02T01:00:00.000Z, which the stated figures lack`,
    ]);
  });

  it('given a stated breach at another instant than its event, then the difference is named', () => {
    expect(
      breachFigureProblems(
        'email-sla',
        period,
        [breach(first, '2026-03-02T01:00:00.000Z')],
        [stated(first, '2026-03-03T01:00:00.000Z')],
      ),
    ).toEqual([
      `figure breaches: breach ${first} is stated with breached at 2026-03-03T01:00:00.000Z (its event: 2026-03-02T01:00:00.000Z)`,
    ]);
  });
});
