import type { EventStore, NewEvent } from '@sla/event-sourcing';
import { AccessTrail, type AccessDenial } from './access-trail';

/** Takes every append, as a store that holds each id once would (an id already held is a no-op). */
function recordingStore() {
  const appended: { stream: string; event: NewEvent }[] = [];
  const store: Pick<EventStore, 'appendToStream'> = {
    appendToStream: async (stream, events) => {
      for (const event of events)
        if (!appended.some((known) => known.event.id === event.id)) appended.push({ stream, event });
      return { streamRevision: BigInt(appended.length - 1), position: null, duplicate: false };
    },
  };
  return { store, appended };
}

const denial = (sourceAddress: string): AccessDenial => ({
  status: 401,
  reason: 'the API key is not known',
  method: 'GET',
  path: '/services',
  sourceAddress,
  principal: null,
  presentedCredential: 'guess',
});

describe('the access trail', () => {
  // The trail's budget counts per wall-clock minute; fake timers move that minute, nothing waits.
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-03-02T09:00:00Z') }));
  afterEach(() => jest.useRealTimers());
  const clock = { now: () => new Date() };

  it('given more denials from an address than its budget, then the excess is counted into the next one recorded', async () => {
    const { store, appended } = recordingStore();
    const trail = new AccessTrail(store, clock, { denialsPerAddressPerMinute: 2, denialsPerMinute: 100 });
    for (let attempt = 0; attempt < 7; attempt += 1) await trail.recordDenial(denial('192.0.2.7'));
    expect(appended).toHaveLength(2);
    jest.advanceTimersByTime(60_000);
    await trail.recordDenial(denial('192.0.2.7'));
    expect(appended.map(({ event }) => (event.data as { suppressedBefore: number }).suppressedBefore)).toEqual([
      0, 0, 5,
    ]);
    expect(appended[2].stream).toBe('access-2026-03-02');
  });

  it('given denials from many addresses, then the overall budget bounds them together', async () => {
    const { store, appended } = recordingStore();
    const trail = new AccessTrail(store, clock, { denialsPerAddressPerMinute: 10, denialsPerMinute: 3 });
    for (let address = 1; address <= 20; address += 1) await trail.recordDenial(denial(`192.0.2.${address}`));
    expect(appended).toHaveLength(3);
  });

  it('given many requests of one credential, then one sign-in ever and one use per hour', async () => {
    const { store, appended } = recordingStore();
    const trail = new AccessTrail(store, clock, { denialsPerAddressPerMinute: 10, denialsPerMinute: 100 });
    const principal = {
      actor: 'servicenow-connector',
      role: 'operations' as const,
      customer: null,
      credential: { kind: 'api-key' as const, id: 'sha256:0123456789abcdef' },
    };
    const request = { method: 'POST', path: '/tickets/INC-1/facts', sourceAddress: '192.0.2.1' };
    for (let call = 0; call < 50; call += 1) await trail.recordUse(principal, request);
    jest.advanceTimersByTime(3_600_000);
    await trail.recordUse(principal, request);
    // Another process (a replica, a restart) derives the same ids: nothing new.
    await new AccessTrail(store, clock, { denialsPerAddressPerMinute: 10, denialsPerMinute: 100 }).recordUse(
      principal,
      request,
    );
    expect(appended.map(({ event }) => [event.type, (event.data as { hour?: string }).hour ?? null])).toEqual([
      ['PrincipalSignedIn', null],
      ['CredentialUsed', '2026-03-02T09:00:00.000Z'],
      ['CredentialUsed', '2026-03-02T10:00:00.000Z'],
    ]);
  });
});
