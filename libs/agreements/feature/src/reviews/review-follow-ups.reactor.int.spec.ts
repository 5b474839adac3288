import { randomUUID } from 'node:crypto';
import {
  agreementContentSchema,
  agreementEventDefinitions,
  agreementStreamName,
  improvementPlanEventDefinitions,
  improvementPlanStreamName,
  reviewEventDefinitions,
  type AgreementEvent,
  type ReviewDecision,
} from '@sla/agreements-domain';
import { EventCatalog, withEventSchemas, type EventStore, type RecordedEvent } from '@sla/event-sourcing';
import { migrateEventStore, PostgresEventStore } from '@sla/event-store-postgres';
import { createTestDatabase } from '@sla/test-support';
import { reviewFollowUpsReactor } from './review-follow-ups.reactor';

/** The reactor alone against a real event store: with no read store, the agreement can only come from its stream. */
describe('review follow-ups reactor (real PostgreSQL event store, no read models)', () => {
  let raw: PostgresEventStore;
  let store: EventStore;
  const log: string[] = [];
  const context = () => ({
    store,
    clock: { now: () => new Date('2026-05-01T00:00:00Z') },
    log: (line: string) => log.push(line),
  });
  const metadata = { actor: 'slm.alice', correlationId: 'c-1', source: 'api' };

  beforeAll(async () => {
    const url = await createTestDatabase('review_follow_ups_reactor');
    await migrateEventStore(url);
    raw = new PostgresEventStore({ connectionString: url });
    store = withEventSchemas(
      raw,
      new EventCatalog([...agreementEventDefinitions, ...reviewEventDefinitions, ...improvementPlanEventDefinitions]),
    );
  });
  afterAll(() => raw.close());

  /** An agreement approved in March 2026, in effect from April. */
  async function givenAgreementInEffect(agreementId: string): Promise<void> {
    const signed = (party: 'provider' | 'counterparty', signatory: string, at: string): AgreementEvent => ({
      type: 'AgreementVersionSigned',
      data: {
        agreementId,
        version: 1,
        party,
        signatory: { name: signatory, title: 'signatory' },
        underpinningGaps: [],
        riskAcceptance: null,
        signedBy: signatory,
        occurredAt: at,
      },
    });
    const events: AgreementEvent[] = [
      {
        type: 'AgreementDrafted',
        data: {
          agreementId,
          kind: 'SLA',
          provider: { name: 'IT Services', contacts: [] },
          counterparty: { name: 'Finance', contacts: [] },
          version: 1,
          content: agreementContentSchema.parse({
            title: 'E-mail SLA',
            services: ['email'],
            effectiveFrom: '2026-04-01T00:00:00Z',
          }),
          occurredAt: '2026-03-01T10:00:00Z',
        },
      },
      {
        type: 'AgreementVersionSubmitted',
        data: { agreementId, version: 1, underpinningGaps: [], occurredAt: '2026-03-02T10:00:00Z' },
      },
      signed('provider', 'Alice Chen', '2026-03-03T10:00:00Z'),
      signed('counterparty', 'Bob Meyer', '2026-03-04T10:00:00Z'),
      {
        type: 'AgreementVersionApproved',
        data: { agreementId, version: 1, effectiveFrom: '2026-04-01T00:00:00Z', occurredAt: '2026-03-04T10:00:00Z' },
      },
    ];
    await store.appendToStream(
      agreementStreamName(agreementId),
      events.map((event) => ({ id: randomUUID(), type: event.type, schemaVersion: 0, data: event.data, metadata })),
      'no_stream',
    );
  }

  const heldReview = (reviewId: string, decisions: ReviewDecision[]): RecordedEvent => ({
    id: randomUUID(),
    type: 'ReviewHeld',
    schemaVersion: 1,
    data: {
      reviewId,
      heldAt: '2026-04-16T09:00:00Z',
      attendees: [{ name: 'Alice Chen', role: 'SLM', party: 'provider' }],
      minutes: 'P1 resolution missed',
      decisions,
      occurredAt: '2026-04-16T09:00:00Z',
    },
    metadata,
    streamName: `review-${reviewId}`,
    streamRevision: 1n,
    position: { commit: 1n, prepare: 1n },
    recordedAt: new Date('2026-04-16T09:00:01Z'),
  });

  const improve = (agreementId: string, planId: string): ReviewDecision => ({
    decisionId: 'improve',
    agreementId,
    outcome: 'improvement-required',
    rationale: 'missed',
    improvement: { planId, item: 'P1 resolution', requirement: 'within 2 h' },
  });
  const amend = (agreementId: string, decisionId = 'amend'): ReviewDecision => ({
    decisionId,
    agreementId,
    outcome: 'agreement-change-required',
    rationale: 'add an OLA reference',
    amendment: { changeRequest: `CR-${decisionId}`, effectiveFrom: '2026-07-01T00:00:00Z' },
  });

  it('opens the plan and drafts the amendment from the approved content in the stream, once however often replayed', async () => {
    const agreementId = `sla-${randomUUID().slice(0, 8)}`;
    const planId = `sip-${randomUUID().slice(0, 8)}`;
    await givenAgreementInEffect(agreementId);
    const trigger = heldReview(`review-${agreementId}`, [improve(agreementId, planId), amend(agreementId)]);

    await reviewFollowUpsReactor.react(trigger, context());
    await reviewFollowUpsReactor.react(trigger, context());

    const plan = await store.readStream(improvementPlanStreamName(planId));
    expect(plan.map((event) => event.type)).toEqual(['ImprovementPlanOpened']);
    expect(plan[0]).toMatchObject({
      data: { planId, agreementId, reviewId: `review-${agreementId}`, decisionId: 'improve' },
      metadata: { actor: 'slm.alice', correlationId: 'c-1', causationId: trigger.id },
    });
    const agreement = await store.readStream(agreementStreamName(agreementId));
    expect(agreement.map((event) => event.type).slice(5)).toEqual(['AgreementAmendmentDrafted']);
    expect(agreement[5].data).toMatchObject({
      version: 2,
      basedOnVersion: 1,
      changeRequest: 'CR-amend',
      content: { title: 'E-mail SLA', effectiveFrom: '2026-07-01T00:00:00Z' },
      occurredAt: '2026-04-16T09:00:00Z',
    });
  });

  it('logs a follow-up the agreement refuses and carries out the others', async () => {
    const agreementId = `sla-${randomUUID().slice(0, 8)}`;
    await givenAgreementInEffect(agreementId);
    // The second amendment of one review meets the draft the first one opened.
    const trigger = heldReview(`review-${agreementId}`, [amend(agreementId, 'first'), amend(agreementId, 'second')]);
    await reviewFollowUpsReactor.react(trigger, context());

    const drafted = (await store.readStream(agreementStreamName(agreementId))).filter(
      (event) => event.type === 'AgreementAmendmentDrafted',
    );
    expect(drafted.map((event) => (event.data as { changeRequest: string }).changeRequest)).toEqual(['CR-first']);
    expect(log.at(-1)).toMatch(/decision second: follow-up refused: version 2 is still draft/);
  });

  it('leaves a decision on an agreement that was never approved undone, saying why', async () => {
    const agreementId = `sla-${randomUUID().slice(0, 8)}`;
    await reviewFollowUpsReactor.react(heldReview(`review-${agreementId}`, [amend(agreementId)]), context());
    expect(await store.readStream(agreementStreamName(agreementId))).toEqual([]);
    expect(log.at(-1)).toContain(`${agreementId} has no approved version to amend`);
  });
});
