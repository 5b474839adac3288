import { sql, type Generated, type Transaction } from 'kysely';
import type { RecordedEvent } from '@sla/event-sourcing';
import type { ImprovementPlanEvent, ReviewEvent } from '@sla/agreements-domain';
import type { Projection } from '@sla/projection-runtime';

/** One fact of a review or plan: when it happened (may be back-dated) and when it was entered. */
export type GovernanceFactRow = { event: string; actor: string; occurredAt: string; recordedAt: string };

export type ReviewTables = {
  review: {
    review_id: string;
    kind: string;
    agreement_ids: string[];
    period_from: Date;
    period_to: Date;
    scheduled_for: Date;
    status: 'scheduled' | 'held';
    held_at: Date | null;
    attendees: unknown;
    minutes: string | null;
    decisions: unknown;
    recorded_by: string;
    facts: Generated<GovernanceFactRow[]>;
  };
  improvement_plan: {
    plan_id: string;
    agreement_id: string;
    review_id: string;
    decision_id: string;
    item: string;
    requirement: string;
    approach: string | null;
    owner: string | null;
    due_at: Date | null;
    resources: string | null;
    phase: string;
    approved_by: string | null;
    percent_complete: Generated<number>;
    last_note: string | null;
    effective: boolean | null;
    evidence: string | null;
    outcome: string | null;
    closed_at: Date | null;
    stream_revision: string;
    facts: Generated<GovernanceFactRow[]>;
  };
};

const json = (value: unknown) => JSON.stringify(value) as never;

/** Reviews with their minutes and decisions; improvement plans with their PDCA phase. */
export const reviewsProjection: Projection<ReviewTables> = {
  name: 'reviews',
  // 2: each record lists its facts with occurred-at and recorded-at.
  version: 2,
  handles: [
    'ReviewScheduled',
    'ReviewHeld',
    'ImprovementPlanOpened',
    'ImprovementPlanDetailed',
    'ImprovementPlanApproved',
    'ImprovementProgressRecorded',
    'ImprovementEffectivenessReviewed',
    'ImprovementPlanClosed',
  ],
  tables: ['review', 'improvement_plan'],
  async apply(transaction: Transaction<ReviewTables>, events: readonly RecordedEvent[]) {
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as ReviewEvent | ImprovementPlanEvent;
      const revision = recorded.streamRevision.toString();
      const plan = (planId: string, values: Record<string, unknown>) =>
        transaction
          .updateTable('improvement_plan')
          .set({ ...values, stream_revision: revision })
          .where('plan_id', '=', planId)
          .execute();
      switch (event.type) {
        case 'ReviewScheduled':
          await transaction
            .insertInto('review')
            .values({
              review_id: event.data.reviewId,
              kind: event.data.kind,
              agreement_ids: json(event.data.agreementIds),
              period_from: new Date(event.data.periodFrom),
              period_to: new Date(event.data.periodTo),
              scheduled_for: new Date(event.data.scheduledFor),
              status: 'scheduled',
              held_at: null,
              attendees: null,
              minutes: null,
              decisions: null,
              recorded_by: recorded.metadata.actor,
            })
            .execute();
          break;
        case 'ReviewHeld':
          await transaction
            .updateTable('review')
            .set({
              status: 'held',
              held_at: new Date(event.data.heldAt),
              attendees: json(event.data.attendees),
              minutes: event.data.minutes,
              decisions: json(event.data.decisions),
            })
            .where('review_id', '=', event.data.reviewId)
            .execute();
          break;
        case 'ImprovementPlanOpened':
          await transaction
            .insertInto('improvement_plan')
            .values({
              plan_id: event.data.planId,
              agreement_id: event.data.agreementId,
              review_id: event.data.reviewId,
              decision_id: event.data.decisionId,
              item: event.data.item,
              requirement: event.data.requirement,
              approach: null,
              owner: null,
              due_at: null,
              resources: null,
              phase: 'opened',
              approved_by: null,
              last_note: null,
              effective: null,
              evidence: null,
              outcome: null,
              closed_at: null,
              stream_revision: revision,
            })
            .execute();
          break;
        case 'ImprovementPlanDetailed':
          await plan(event.data.planId, {
            approach: event.data.approach,
            owner: event.data.owner,
            due_at: new Date(event.data.dueAt),
            resources: event.data.resources,
            phase: 'planned',
          });
          break;
        case 'ImprovementPlanApproved':
          await plan(event.data.planId, { approved_by: event.data.approvedBy, phase: 'approved' });
          break;
        case 'ImprovementProgressRecorded':
          await plan(event.data.planId, {
            percent_complete: event.data.percentComplete,
            last_note: event.data.note,
            phase: 'in-progress',
          });
          break;
        case 'ImprovementEffectivenessReviewed':
          await plan(event.data.planId, {
            effective: event.data.effective,
            evidence: event.data.evidence,
            phase: event.data.effective ? 'checked' : 'in-progress',
          });
          break;
        case 'ImprovementPlanClosed':
          await plan(event.data.planId, {
            outcome: event.data.outcome,
            closed_at: new Date(event.data.occurredAt),
            phase: 'closed',
          });
          break;
      }
      const fact: GovernanceFactRow = {
        event: event.type,
        actor: recorded.metadata.actor,
        occurredAt: event.data.occurredAt,
        recordedAt: recorded.recordedAt.toISOString(),
      };
      const appended = sql<GovernanceFactRow[]>`facts || ${JSON.stringify([fact])}::jsonb`;
      if ('reviewId' in event.data && event.type.startsWith('Review')) {
        await transaction
          .updateTable('review')
          .set({ facts: appended })
          .where('review_id', '=', event.data.reviewId)
          .execute();
      } else if ('planId' in event.data) {
        await transaction
          .updateTable('improvement_plan')
          .set({ facts: appended })
          .where('plan_id', '=', event.data.planId)
          .execute();
      }
    }
  },
};
