import {
  agreementDecider,
  agreementStreamName,
  amendmentFromReview,
  improvementPlanDecider,
  improvementPlanStreamName,
  type ReviewDecision,
  type ReviewEvent,
} from '@sla/agreements-domain';
import {
  checkOccurredAt,
  DomainError,
  handleCommand,
  inStreamOrder,
  toDomainEvent,
  type Decider,
  type DomainEvent,
  type EventMetadata,
  type EventStore,
} from '@sla/event-sourcing';
import { followUpEventId, type Reactor } from '@sla/projection-runtime';

type ReviewHeldData = Extract<ReviewEvent, { type: 'ReviewHeld' }>['data'];

/** One follow-up of a decision: the stream it goes to, the command, and its derived event id. */
type FollowUpPlan<Command, Event extends DomainEvent, State> = {
  readonly opens: string;
  readonly streamName: string;
  readonly decider: Decider<Command, Event, State>;
  readonly command: (state: State) => Command;
  readonly eventId: string;
};
// Either an improvement plan or an amendment: the two deciders share no types.
type ReviewFollowUp = FollowUpPlan<any, any, any>;

/**
 * What a review decision opens, or null (an accepted agreement needs nothing).
 * The ids are the ones the review handler derived before follow-ups moved onto
 * a reactor: a review is held once, so review and decision name the trigger,
 * and follow-ups stored by the earlier handler are recognised as done.
 */
export function followUpOf(reviewId: string, decision: ReviewDecision, occurredAt: string): ReviewFollowUp | null {
  if (decision.outcome === 'improvement-required') {
    const { planId, item, requirement } = decision.improvement;
    return {
      opens: `improvement-plan ${planId}`,
      streamName: improvementPlanStreamName(planId),
      decider: improvementPlanDecider,
      command: () => ({
        type: 'OpenImprovementPlan',
        data: {
          planId,
          agreementId: decision.agreementId,
          reviewId,
          decisionId: decision.decisionId,
          item,
          requirement,
          occurredAt,
        },
      }),
      eventId: followUpEventId(`${reviewId}/${decision.decisionId}`, 'improvement'),
    };
  }
  if (decision.outcome === 'agreement-change-required') {
    return {
      opens: `amendment draft of ${decision.agreementId}`,
      streamName: agreementStreamName(decision.agreementId),
      decider: agreementDecider,
      command: (state) =>
        amendmentFromReview(state, decision.agreementId, {
          changeRequest: decision.amendment.changeRequest,
          effectiveFrom: decision.amendment.effectiveFrom,
          occurredAt,
        }),
      eventId: followUpEventId(`${reviewId}/${decision.decisionId}`, 'amendment'),
    };
  }
  return null;
}

/**
 * Decides a follow-up against its stream as it is now without appending: what
 * the review's answer reports before the reactor carries it out. Throws the
 * domain error the reactor would meet if nothing changes in between.
 */
export async function foreseeFollowUp(store: EventStore, plan: ReviewFollowUp, now: Date): Promise<void> {
  const history = await store.readStream(plan.streamName);
  if (history.some((event) => event.id === plan.eventId)) return;
  const state = history.reduce(
    (current, recorded) => plan.decider.evolve(current, toDomainEvent(recorded)),
    plan.decider.initialState(),
  );
  const events = plan.decider.decide(plan.command(state), state);
  checkOccurredAt(history, events, inStreamOrder({ now: () => now }));
}

/**
 * Carries out a held review's decisions: opens the improvement plans and
 * starts the amendment drafts. A follow-up the domain refuses (an amendment
 * while another draft is open) is logged and left: the review stays held and
 * its answer already reported the refusal it foresaw.
 */
export const reviewFollowUpsReactor: Reactor = {
  name: 'review-follow-ups',
  handles: ['ReviewHeld'],
  async react(trigger, { store, clock, log }) {
    const held = trigger.data as ReviewHeldData;
    const { actor, correlationId, source } = trigger.metadata;
    const metadata: EventMetadata = { actor, correlationId, source, causationId: trigger.id };
    for (const decision of held.decisions) {
      const plan = followUpOf(held.reviewId, decision, held.occurredAt);
      if (!plan) continue;
      try {
        await handleCommand(store, plan.streamName, plan.decider, async (state) => plan.command(state), {
          metadata,
          eventIds: [plan.eventId],
          occurredAt: inStreamOrder(clock),
        });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        log(`review ${held.reviewId} decision ${decision.decisionId}: follow-up refused: ${error.message}`);
      }
    }
  },
};
