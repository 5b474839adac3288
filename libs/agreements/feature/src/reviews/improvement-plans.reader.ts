import type { Kysely } from 'kysely';
import type { ReviewTables } from './reviews.projection';

/** An improvement plan as other contexts may read it. */
export type ImprovementPlanSummary = {
  planId: string;
  item: string;
  phase: string;
  percentComplete: number;
  dueAt: Date | null;
  owner: string | null;
};

/** The improvement plans read model as other contexts see it, so no other library selects from its table. */
export function improvementPlansReader(db: Kysely<ReviewTables>) {
  return {
    /** Every plan of an agreement, by plan id. */
    async plansOf(agreementId: string): Promise<ImprovementPlanSummary[]> {
      const plans = await db
        .selectFrom('improvement_plan')
        .select(['plan_id', 'item', 'phase', 'percent_complete', 'due_at', 'owner'])
        .where('agreement_id', '=', agreementId)
        .orderBy('plan_id')
        .execute();
      return plans.map((plan) => ({
        planId: plan.plan_id,
        item: plan.item,
        phase: plan.phase,
        percentComplete: plan.percent_complete,
        dueAt: plan.due_at,
        owner: plan.owner,
      }));
    },
  };
}
export type ImprovementPlansReader = ReturnType<typeof improvementPlansReader>;
