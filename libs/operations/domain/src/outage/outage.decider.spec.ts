import { deciderSpec } from '@sla/event-sourcing/testing';
import { OutageStarted, outageDecider, type OutageEvent } from './outage.decider';

const started: OutageEvent = {
  type: 'OutageStarted',
  data: {
    outageId: 'am-1f2e:2026-03-09T09:00:00Z',
    serviceId: 'email',
    impact: 'full',
    ticketId: null,
    occurredAt: '2026-03-09T09:00:00Z',
  },
};
const ended = (occurredAt: string): OutageEvent => ({
  type: 'OutageEnded',
  data: { outageId: 'am-1f2e:2026-03-09T09:00:00Z', occurredAt },
});
const { given } = deciderSpec(outageDecider);
const record = (fact: OutageEvent) => ({ type: 'RecordOutageFact' as const, fact });

describe('outages', () => {
  it('starts once and ends once, never before it started', () => {
    given([]).when(record(started)).then([started]);
    given([started]).when(record(started)).thenFails('OUTAGE_ALREADY_STARTED');
    given([started])
      .when(record(ended('2026-03-09T09:40:00Z')))
      .then([ended('2026-03-09T09:40:00Z')]);
    given([started, ended('2026-03-09T09:40:00Z')])
      .when(record(ended('2026-03-09T09:45:00Z')))
      .thenFails('OUTAGE_ALREADY_ENDED');
    given([started])
      .when(record(ended('2026-03-09T08:59:59Z')))
      .thenFails('END_BEFORE_START', { kind: 'rule_violated' });
    given([])
      .when(record(ended('2026-03-09T09:40:00Z')))
      .thenFails('OUTAGE_NOT_FOUND');
  });

  it('needs a weight for partial outages and none for full or degraded ones', () => {
    const base = { outageId: 'x', serviceId: 'email', occurredAt: '2026-03-09T09:00:00Z' };
    expect(OutageStarted.schema.safeParse({ ...base, impact: 'partial', weight: 0.4 }).success).toBe(true);
    expect(OutageStarted.schema.safeParse({ ...base, impact: 'partial' }).success).toBe(false);
    expect(OutageStarted.schema.safeParse({ ...base, impact: 'full', weight: 0.4 }).success).toBe(false);
    expect(OutageStarted.schema.safeParse({ ...base, impact: 'full', occurredAt: '2026-03-09T09:00:00' }).success).toBe(
      false,
    );
  });
});
