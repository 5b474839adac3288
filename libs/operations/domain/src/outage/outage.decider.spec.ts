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
const decide = (events: OutageEvent[], fact: OutageEvent) => () =>
  outageDecider.decide(
    { type: 'RecordOutageFact', fact },
    events.reduce(outageDecider.evolve, outageDecider.initialState()),
  );

describe('outages', () => {
  it('starts once and ends once, never before it started', () => {
    expect(decide([], started)()).toEqual([started]);
    expect(decide([started], started)).toThrow(expect.objectContaining({ code: 'OUTAGE_ALREADY_STARTED' }));
    expect(decide([started], ended('2026-03-09T09:40:00Z'))()).toEqual([ended('2026-03-09T09:40:00Z')]);
    expect(decide([started, ended('2026-03-09T09:40:00Z')], ended('2026-03-09T09:45:00Z'))).toThrow(
      expect.objectContaining({ code: 'OUTAGE_ALREADY_ENDED' }),
    );
    expect(decide([started], ended('2026-03-09T08:59:59Z'))).toThrow(
      expect.objectContaining({ code: 'END_BEFORE_START', kind: 'rule_violated' }),
    );
    expect(decide([], ended('2026-03-09T09:40:00Z'))).toThrow(expect.objectContaining({ code: 'OUTAGE_NOT_FOUND' }));
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
