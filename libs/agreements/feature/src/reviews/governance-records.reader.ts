import { sql, type Kysely } from 'kysely';
import type { ReviewTables } from './reviews.projection';

/**
 * An agreement's service level management records as other contexts may read them (audit's evidence bundle): its
 * reviews with their decisions and its improvement plans (PDCA), so no other library reads the review tables.
 */
export async function readGovernanceRecords(db: Kysely<any>, agreementId: string) {
  const records = db as Kysely<ReviewTables>;
  const reviews = await records
    .selectFrom('review')
    .selectAll()
    .where(sql<boolean>`agreement_ids @> ${JSON.stringify([agreementId])}::jsonb`)
    .orderBy('scheduled_for')
    .execute();
  const improvementPlans = await records
    .selectFrom('improvement_plan')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('plan_id')
    .execute();
  return {
    reviews: reviews.map((review) => ({
      reviewId: review.review_id,
      kind: review.kind,
      status: review.status,
      scheduledFor: review.scheduled_for,
      heldAt: review.held_at,
      attendees: review.attendees,
      minutes: review.minutes,
      decisions: review.decisions,
      facts: review.facts,
    })),
    improvementPlans: improvementPlans.map((plan) => ({
      planId: plan.plan_id,
      item: plan.item,
      phase: plan.phase,
      owner: plan.owner,
      dueAt: plan.due_at,
      percentComplete: plan.percent_complete,
      approvedBy: plan.approved_by,
      effective: plan.effective,
      closedAt: plan.closed_at,
      facts: plan.facts,
    })),
  };
}

export type GovernanceRecords = Awaited<ReturnType<typeof readGovernanceRecords>>;
