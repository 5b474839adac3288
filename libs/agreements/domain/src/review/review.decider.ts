import type { z } from 'zod';
import { DomainError, defineEvent, type Decider, type DomainEvent, streamName } from '@sla/event-sourcing';
import { reviewHeldSchema, reviewScheduledSchema } from './review.schemas';

export const ReviewScheduled = defineEvent({
  type: 'ReviewScheduled',
  schemaVersion: 1,
  schema: reviewScheduledSchema,
});
export const ReviewHeld = defineEvent({ type: 'ReviewHeld', schemaVersion: 1, schema: reviewHeldSchema });

export const reviewEventDefinitions = [ReviewScheduled, ReviewHeld];

export type ReviewEvent =
  | DomainEvent<'ReviewScheduled', z.infer<typeof ReviewScheduled.schema>>
  | DomainEvent<'ReviewHeld', z.infer<typeof ReviewHeld.schema>>;

export type ReviewCommand =
  | { type: 'ScheduleReview'; data: z.infer<typeof ReviewScheduled.schema> }
  | { type: 'HoldReview'; data: z.infer<typeof ReviewHeld.schema> };

export type ReviewState =
  | { readonly status: 'none' }
  | { readonly status: 'scheduled' | 'held'; readonly agreementIds: readonly string[]; readonly scheduledFor: string };

export type ReviewErrorCode =
  | 'REVIEW_ALREADY_SCHEDULED'
  | 'REVIEW_NOT_FOUND'
  | 'REVIEW_ALREADY_HELD'
  | 'DECISION_FOR_UNREVIEWED_AGREEMENT'
  | 'PERIOD_REVERSED'
  | 'DUPLICATE_DECISION';

export class ReviewError extends DomainError {
  readonly kind: DomainError['kind'];
  constructor(
    readonly code: ReviewErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReviewError';
    this.kind =
      code === 'REVIEW_NOT_FOUND'
        ? 'not_found'
        : code === 'REVIEW_ALREADY_SCHEDULED' || code === 'REVIEW_ALREADY_HELD'
          ? 'conflict'
          : 'rule_violated';
  }
}

export const reviewDecider: Decider<ReviewCommand, ReviewEvent, ReviewState> = {
  initialState: () => ({ status: 'none' }),
  evolve(state, event) {
    switch (event.type) {
      case 'ReviewScheduled':
        return { status: 'scheduled', agreementIds: event.data.agreementIds, scheduledFor: event.data.scheduledFor };
      case 'ReviewHeld':
        return state.status === 'none' ? state : { ...state, status: 'held' };
    }
  },
  decide(command, state) {
    if (command.type === 'ScheduleReview') {
      if (state.status !== 'none')
        throw new ReviewError('REVIEW_ALREADY_SCHEDULED', `review ${command.data.reviewId} already exists`);
      if (Date.parse(command.data.periodFrom) >= Date.parse(command.data.periodTo)) {
        throw new ReviewError('PERIOD_REVERSED', 'the period covered must start before it ends');
      }
      return [{ type: 'ReviewScheduled', data: command.data }];
    }
    if (state.status === 'none') throw new ReviewError('REVIEW_NOT_FOUND', `no review ${command.data.reviewId}`);
    if (state.status === 'held')
      throw new ReviewError(
        'REVIEW_ALREADY_HELD',
        `review ${command.data.reviewId} was already held: its minutes are a record`,
      );
    const unreviewed = command.data.decisions.find((decision) => !state.agreementIds.includes(decision.agreementId));
    if (unreviewed) {
      throw new ReviewError(
        'DECISION_FOR_UNREVIEWED_AGREEMENT',
        `decision ${unreviewed.decisionId} concerns ${unreviewed.agreementId}, which this review does not cover`,
      );
    }
    const ids = command.data.decisions.map((decision) => decision.decisionId);
    if (new Set(ids).size !== ids.length) throw new ReviewError('DUPLICATE_DECISION', 'each decision needs its own id');
    return [{ type: 'ReviewHeld', data: command.data }];
  },
};

export const reviewStreamName = (reviewId: string) => streamName('review', reviewId);
