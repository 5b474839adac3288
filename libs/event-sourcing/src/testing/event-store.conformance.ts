import { randomUUID } from 'node:crypto';
import { expect, it, describe, beforeAll, afterAll } from '@jest/globals';
import {
  comparePositions,
  type EventFilter,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '../event-store.port';
import { PartialDuplicateError, WrongExpectedRevisionError } from '../event-store.errors';
import { streamCategory, streamName } from '../stream-name';

export type EventStoreUnderTest = {
  readonly create: () => Promise<EventStore>;
  readonly dispose?: () => Promise<void>;
};

/**
 * The whole contract of the EventStore port. Every adapter runs it; tests
 * use fresh stream categories so they also work on a shared, non-empty log.
 */
export function describeEventStoreContract(adapterName: string, subject: EventStoreUnderTest): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let store: EventStore;
    const runId = randomUUID().replace(/-/g, '').slice(0, 10);
    let categoryCounter = 0;
    // Multi-word categories and ids with dashes, the shape of the product's stream names.
    const newCategory = () => `conformance_${runId}_${(categoryCounter += 1)}`;
    const newStream = () => streamName(newCategory(), randomUUID());

    beforeAll(async () => {
      store = await subject.create();
    });
    afterAll(async () => {
      await store?.close();
      await subject.dispose?.();
    });

    const anEvent = (overrides: Partial<NewEvent> = {}): NewEvent => ({
      id: randomUUID(),
      type: 'TestFactRecorded',
      schemaVersion: 1,
      data: { value: Math.random() },
      metadata: { actor: 'conformance', correlationId: randomUUID(), source: 'test' },
      ...overrides,
    });
    const events = (count: number, overrides: Partial<NewEvent> = {}) =>
      Array.from({ length: count }, (_, index) => anEvent({ data: { index }, ...overrides }));

    async function readCategoryOnce(
      category: string,
      pageSize: number,
      filter: EventFilter = {},
    ): Promise<RecordedEvent[]> {
      const seen: RecordedEvent[] = [];
      let after;
      for (let guard = 0; guard < 10_000; guard += 1) {
        const page = await store.readAll({
          after,
          maxCount: pageSize,
          filter: { ...filter, streamCategories: filter.streamCategories ?? [category] },
        });
        seen.push(...page.events);
        after = page.checkpoint ?? after;
        if (page.isEnd) return seen;
      }
      throw new Error('readAll never reached the end');
    }

    /**
     * The global log may hold new events back while older transactions are
     * still open anywhere (the PostgreSQL adapter's watermark), so a reader
     * sees them eventually, never out of order: re-read until all are there.
     */
    async function readWholeCategory(category: string, pageSize: number, expected: number, filter?: EventFilter) {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const seen = await readCategoryOnce(category, pageSize, filter);
        if (seen.length >= expected || Date.now() > deadline) return seen;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }

    describe('appendToStream', () => {
      it('creates a stream with no_stream and numbers revisions from 0', async () => {
        const stream = newStream();
        const result = await store.appendToStream(stream, events(3), 'no_stream');
        expect(result.streamRevision).toBe(2n);
        expect(result.duplicate).toBe(false);
        expect(result.position).not.toBeNull();
        const stored = await store.readStream(stream);
        expect(stored.map((event) => event.streamRevision)).toEqual([0n, 1n, 2n]);
        expect(comparePositions(stored[2].position, result.position!)).toBe(0);
      });

      it('stores the whole envelope faithfully', async () => {
        const stream = newStream();
        const original = anEvent({
          type: 'EnvelopeChecked',
          schemaVersion: 3,
          data: { text: 'Ünïcödé 服务 ✓', nested: { list: [1, 2.5, null, true] }, empty: '' },
          metadata: { actor: 'alice', correlationId: randomUUID(), causationId: randomUUID(), source: 'api' },
        });
        const before = Date.now();
        await store.appendToStream(stream, [original], 'any');
        const [stored] = await store.readStream(stream);
        expect(stored.id).toBe(original.id);
        expect(stored.type).toBe('EnvelopeChecked');
        expect(stored.schemaVersion).toBe(3);
        expect(stored.data).toEqual(original.data);
        expect(stored.metadata).toEqual(original.metadata);
        expect(stored.streamName).toBe(stream);
        expect(stored.streamRevision).toBe(0n);
        expect(stored.recordedAt).toBeInstanceOf(Date);
        // Allow for clock skew between this process and the store's server.
        expect(Math.abs(stored.recordedAt.getTime() - before)).toBeLessThan(60_000);
      });

      it('appends at an exact expected revision and refuses a stale one with both revisions', async () => {
        const stream = newStream();
        await store.appendToStream(stream, events(2), 'no_stream');
        await expect(store.appendToStream(stream, events(1), 1n)).resolves.toMatchObject({ streamRevision: 2n });
        const refusal = await store.appendToStream(stream, events(1), 1n).catch((error: unknown) => error);
        expect(refusal).toBeInstanceOf(WrongExpectedRevisionError);
        expect(refusal).toMatchObject({ streamName: stream, expected: 1n, actual: 2n });
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('refuses no_stream for an existing stream and stream_exists for a missing one', async () => {
        const stream = newStream();
        await store.appendToStream(stream, events(1), 'no_stream');
        await expect(store.appendToStream(stream, events(1), 'no_stream')).rejects.toMatchObject({
          code: 'WRONG_EXPECTED_REVISION',
          expected: 'no_stream',
          actual: 0n,
        });
        const missing = newStream();
        await expect(store.appendToStream(missing, events(1), 'stream_exists')).rejects.toMatchObject({
          code: 'WRONG_EXPECTED_REVISION',
          expected: 'stream_exists',
          actual: 'no_stream',
        });
        await expect(store.appendToStream(missing, events(1), 5n)).rejects.toMatchObject({
          expected: 5n,
          actual: 'no_stream',
        });
        expect(await store.readStream(missing)).toEqual([]);
        await expect(store.appendToStream(stream, events(1), 'stream_exists')).resolves.toMatchObject({
          streamRevision: 1n,
        });
      });

      it('accepts any expected revision for new and existing streams', async () => {
        const stream = newStream();
        await expect(store.appendToStream(stream, events(2), 'any')).resolves.toMatchObject({ streamRevision: 1n });
        await expect(store.appendToStream(stream, events(2), 'any')).resolves.toMatchObject({ streamRevision: 3n });
      });

      it('lets exactly one of many concurrent appends with the same expected revision succeed', async () => {
        const stream = newStream();
        await store.appendToStream(stream, events(1), 'no_stream');
        const attempts = await Promise.allSettled(
          Array.from({ length: 12 }, () => store.appendToStream(stream, events(2), 0n)),
        );
        const succeeded = attempts.filter((attempt) => attempt.status === 'fulfilled');
        const refused = attempts.filter((attempt) => attempt.status === 'rejected');
        expect(succeeded).toHaveLength(1);
        expect(refused).toHaveLength(11);
        for (const attempt of refused) {
          expect((attempt as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
          expect((attempt as PromiseRejectedResult).reason).toMatchObject({ expected: 0n, actual: 2n });
        }
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('lets exactly one of many concurrent creators with no_stream succeed', async () => {
        const stream = newStream();
        const attempts = await Promise.allSettled(
          Array.from({ length: 8 }, () => store.appendToStream(stream, events(1), 'no_stream')),
        );
        expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      it('treats a repeated event id as already stored and returns the original position', async () => {
        const stream = newStream();
        const batch = events(3);
        const first = await store.appendToStream(stream, batch, 'any');
        const again = await store.appendToStream(stream, batch, 'any');
        expect(again.duplicate).toBe(true);
        expect(again.streamRevision).toBe(first.streamRevision);
        expect(comparePositions(again.position!, first.position!)).toBe(0);
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('treats a repeated single event as a duplicate even with a now-stale expected revision', async () => {
        const stream = newStream();
        const event = anEvent();
        const first = await store.appendToStream(stream, [event], 'no_stream');
        await store.appendToStream(stream, events(2), 0n);
        const again = await store.appendToStream(stream, [event], 'no_stream');
        expect(again).toMatchObject({ duplicate: true, streamRevision: 0n });
        expect(comparePositions(again.position!, first.position!)).toBe(0);
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('refuses an append that repeats only some stored event ids', async () => {
        const stream = newStream();
        const [stored] = events(1);
        await store.appendToStream(stream, [stored], 'any');
        await expect(store.appendToStream(stream, [stored, anEvent()], 'any')).rejects.toBeInstanceOf(
          PartialDuplicateError,
        );
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      it('handles empty appends without changing the stream, still checking the expectation', async () => {
        const stream = newStream();
        await expect(store.appendToStream(stream, [], 'any')).resolves.toMatchObject({ streamRevision: -1n });
        await store.appendToStream(stream, events(2), 'no_stream');
        await expect(store.appendToStream(stream, [], 1n)).resolves.toMatchObject({ streamRevision: 1n });
        await expect(store.appendToStream(stream, [], 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(store.appendToStream(stream, [], 0n)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(store.appendToStream(stream, events(1), 1n)).resolves.toMatchObject({ streamRevision: 2n });
        expect(await store.readStream(stream)).toHaveLength(3);
      });
    });

    describe('readStream', () => {
      it('reads forwards and backwards from a revision with a limit', async () => {
        const stream = newStream();
        await store.appendToStream(stream, events(10), 'no_stream');
        const revisions = (read: RecordedEvent[]) => read.map((event) => Number(event.streamRevision));
        expect(revisions(await store.readStream(stream))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        expect(revisions(await store.readStream(stream, { fromRevision: 4n, maxCount: 3 }))).toEqual([4, 5, 6]);
        expect(revisions(await store.readStream(stream, { direction: 'backwards' }))).toEqual([
          9, 8, 7, 6, 5, 4, 3, 2, 1, 0,
        ]);
        expect(
          revisions(await store.readStream(stream, { direction: 'backwards', fromRevision: 5n, maxCount: 2 })),
        ).toEqual([5, 4]);
        expect(revisions(await store.readStream(stream, { direction: 'backwards', maxCount: 1 }))).toEqual([9]);
        expect(await store.readStream(stream, { fromRevision: 10n })).toEqual([]);
      });

      it('returns nothing for a stream that does not exist', async () => {
        expect(await store.readStream(newStream())).toEqual([]);
      });
    });

    describe('readAll', () => {
      it('pages through the global log in one order that is the same on every read', async () => {
        const category = newCategory();
        const appended: string[] = [];
        for (let stream = 0; stream < 4; stream += 1) {
          for (let round = 0; round < 3; round += 1) {
            const batch = events(2);
            await store.appendToStream(`${category}-${stream}`, batch, 'any');
            appended.push(...batch.map((event) => event.id));
          }
        }
        const firstRead = await readWholeCategory(category, 5, appended.length);
        const secondRead = await readWholeCategory(category, 7, appended.length);
        expect(firstRead.map((event) => event.id)).toEqual(appended);
        expect(secondRead.map((event) => event.id)).toEqual(appended);
        for (let index = 1; index < firstRead.length; index += 1) {
          expect(comparePositions(firstRead[index - 1].position, firstRead[index].position)).toBe(-1);
        }
      });

      it('resumes after a position without repeating or skipping', async () => {
        const category = newCategory();
        await store.appendToStream(`${category}-a`, events(6), 'no_stream');
        const all = await readWholeCategory(category, 100, 6);
        expect(all).toHaveLength(6);
        const page = await store.readAll({
          after: all[2].position,
          maxCount: 100,
          filter: { streamCategories: [category] },
        });
        expect(page.events.map((event) => event.id)).toEqual(all.slice(3).map((event) => event.id));
      });

      it('filters by event type and by stream category', async () => {
        const category = newCategory();
        const other = newCategory();
        await store.appendToStream(
          `${category}-1`,
          [anEvent({ type: 'AlphaHappened' }), anEvent({ type: 'BetaHappened' })],
          'any',
        );
        await store.appendToStream(`${other}-1`, [anEvent({ type: 'AlphaHappened' })], 'any');
        const collected = await readWholeCategory(category, 1, 2, {
          streamCategories: [category, other],
          eventTypes: ['AlphaHappened'],
        });
        expect(collected.map((event) => [event.streamName, event.type])).toEqual([
          [`${category}-1`, 'AlphaHappened'],
          [`${other}-1`, 'AlphaHappened'],
        ]);
      });
    });

    describe('category filters', () => {
      /**
       * Issue 13: `service-report-…` once fell into the catalogue's category
       * `service`. A category is the whole text before the first '-': one that
       * another category begins with, or an id that begins like a category
       * word, must never make a stream match the wrong filter.
       */
      it('keeps a multi-word category apart from the category it begins with', async () => {
        const base = newCategory();
        const longer = `${base}_report`;
        await store.appendToStream(streamName(base, 'report-1'), events(2), 'no_stream');
        await store.appendToStream(streamName(longer, '1'), events(3), 'no_stream');
        await store.appendToStream(streamName(`${base}_report_definition`, 'report-1'), events(1), 'no_stream');
        const ofBase = await readWholeCategory(base, 2, 2);
        const ofLonger = await readWholeCategory(longer, 2, 3);
        expect(ofBase.map((event) => event.streamName)).toEqual([`${base}-report-1`, `${base}-report-1`]);
        expect(ofLonger.map((event) => event.streamName)).toEqual(Array(3).fill(`${longer}-1`));
        expect([...ofBase, ...ofLonger].map((event) => streamCategory(event.streamName))).toEqual([
          base,
          base,
          longer,
          longer,
          longer,
        ]);
      });

      it('filters several multi-word categories at once, by event type too', async () => {
        const reports = `${newCategory()}_service_report`;
        const followUps = `${newCategory()}_breach_follow_up`;
        const watch = `${newCategory()}_sla_watch`;
        await store.appendToStream(streamName(reports, 'email-2026-03'), [anEvent({ type: 'AlphaHappened' })], 'any');
        await store.appendToStream(streamName(watch, 'T-1'), [anEvent({ type: 'AlphaHappened' })], 'any');
        await store.appendToStream(
          streamName(followUps, 'b-1'),
          [anEvent({ type: 'BetaHappened' }), anEvent({ type: 'AlphaHappened' })],
          'any',
        );
        const collected = await readWholeCategory(reports, 1, 2, {
          streamCategories: [reports, followUps],
          eventTypes: ['AlphaHappened'],
        });
        expect(collected.map((event) => [event.streamName, event.type])).toEqual([
          [`${reports}-email-2026-03`, 'AlphaHappened'],
          [`${followUps}-b-1`, 'AlphaHappened'],
        ]);
      });

      it('delivers only the whole multi-word category to a live subscription', async () => {
        const base = newCategory();
        const longer = `${base}_watch`;
        await store.appendToStream(streamName(base, 'watch-1'), events(1), 'no_stream');
        await store.appendToStream(streamName(longer, '1'), events(1), 'no_stream');
        const subscription = store.subscribeToAll({ filter: { streamCategories: [longer] } });
        const received: string[] = [];
        for await (const event of subscription) {
          received.push(event.streamName);
          if (received.length === 1) {
            await store.appendToStream(streamName(base, 'watch-2'), events(1), 'no_stream');
            await store.appendToStream(streamName(longer, '2'), events(1), 'no_stream');
          }
          if (received.length === 2) break;
        }
        await subscription.close();
        expect(received).toEqual([`${longer}-1`, `${longer}-2`]);
      });
    });

    describe('subscribeToAll', () => {
      it('catches up on stored events, then delivers new ones live, filtered', async () => {
        const category = newCategory();
        await store.appendToStream(`${category}-1`, events(3), 'no_stream');
        await store.appendToStream(`${newCategory()}-1`, events(2), 'no_stream');
        const subscription = store.subscribeToAll({ filter: { streamCategories: [category] } });
        const received: RecordedEvent[] = [];
        const done = (async () => {
          for await (const event of subscription) {
            received.push(event);
            if (received.length === 3) {
              await store.appendToStream(`${category}-2`, events(2), 'no_stream');
            }
            if (received.length === 5) break;
          }
        })();
        await done;
        await subscription.close();
        expect(received.map((event) => event.streamName)).toEqual([
          `${category}-1`,
          `${category}-1`,
          `${category}-1`,
          `${category}-2`,
          `${category}-2`,
        ]);
      });

      it('starts after a given position', async () => {
        const category = newCategory();
        await store.appendToStream(`${category}-1`, events(4), 'no_stream');
        const stored = await store.readStream(`${category}-1`);
        const subscription = store.subscribeToAll({
          after: stored[1].position,
          filter: { streamCategories: [category] },
        });
        const received: bigint[] = [];
        for await (const event of subscription) {
          received.push(event.streamRevision);
          if (received.length === 2) break;
        }
        await subscription.close();
        expect(received).toEqual([2n, 3n]);
      });
    });
  });
}
