import { slugSchema } from '@sla/event-sourcing';
import { Controller, Headers, Inject, NotFoundException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { EventMetadata } from '@sla/event-sourcing';
import {
  Endpoint,
  ValidBody,
  ValidParam,
  ValidQuery,
  CLOCK,
  READ_STORE,
  RequestMetadata,
  keysetAfter,
  pageOf,
  parseIfMatch,
  type Clock,
  type KeysetColumn,
} from '@sla/nest-platform';
import { ChangeImprovementPlanCommand } from '../reviews/review-commands';
import type { ReviewTables } from '../reviews/reviews.projection';
import {
  detailBody,
  approvalBody,
  progressBody,
  effectivenessBody,
  closureBody,
  plansQuery,
  detailPlanRoute,
  approvePlanRoute,
  recordPlanProgressRoute,
  reviewPlanEffectivenessRoute,
  closePlanRoute,
  listPlansRoute,
  getPlanRoute,
} from './improvement-plans.routes';

const PLAN_ORDER: KeysetColumn[] = [{ column: 'plan_id', direction: 'asc' }];

/** Service improvement plans opened by review decisions: plan, do, check, act. */
@Controller()
export class ImprovementPlansController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(READ_STORE) private readonly db: Kysely<ReviewTables>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private now(occurredAt: string | undefined) {
    return occurredAt ?? this.clock.now().toISOString();
  }

  private plan(command: ChangeImprovementPlanCommand['command'], metadata: EventMetadata, ifMatch: string | undefined) {
    return this.commands.execute(new ChangeImprovementPlanCommand(command, metadata, parseIfMatch(ifMatch)));
  }

  @Endpoint(detailPlanRoute)
  detail(
    @ValidParam(detailPlanRoute, 'planId', slugSchema) planId: string,
    @ValidBody(detailPlanRoute) body: z.infer<typeof detailBody>,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.plan(
      { type: 'DetailImprovementPlan', data: { ...body, planId, occurredAt: this.now(body.occurredAt) } },
      metadata,
      ifMatch,
    );
  }

  @Endpoint(approvePlanRoute)
  approve(
    @ValidParam(approvePlanRoute, 'planId', slugSchema) planId: string,
    @ValidBody(approvePlanRoute) body: z.infer<typeof approvalBody>,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.plan(
      {
        type: 'ApproveImprovementPlan',
        data: { planId, approvedBy: metadata.actor, occurredAt: this.now(body.occurredAt) },
      },
      metadata,
      ifMatch,
    );
  }

  @Endpoint(recordPlanProgressRoute)
  progress(
    @ValidParam(recordPlanProgressRoute, 'planId', slugSchema) planId: string,
    @ValidBody(recordPlanProgressRoute) body: z.infer<typeof progressBody>,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.plan(
      { type: 'RecordImprovementProgress', data: { ...body, planId, occurredAt: this.now(body.occurredAt) } },
      metadata,
      ifMatch,
    );
  }

  @Endpoint(reviewPlanEffectivenessRoute)
  check(
    @ValidParam(reviewPlanEffectivenessRoute, 'planId', slugSchema) planId: string,
    @ValidBody(reviewPlanEffectivenessRoute) body: z.infer<typeof effectivenessBody>,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.plan(
      { type: 'ReviewImprovementEffectiveness', data: { ...body, planId, occurredAt: this.now(body.occurredAt) } },
      metadata,
      ifMatch,
    );
  }

  @Endpoint(closePlanRoute)
  close(
    @ValidParam(closePlanRoute, 'planId', slugSchema) planId: string,
    @ValidBody(closePlanRoute) body: z.infer<typeof closureBody>,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.plan(
      { type: 'CloseImprovementPlan', data: { ...body, planId, occurredAt: this.now(body.occurredAt) } },
      metadata,
      ifMatch,
    );
  }

  /** `overdue=true`: open plans whose due date has passed (by the injected clock). */
  @Endpoint(listPlansRoute)
  async plans(@ValidQuery(listPlansRoute) query: z.infer<typeof plansQuery>) {
    let select = this.db
      .selectFrom('improvement_plan')
      .selectAll()
      .orderBy('plan_id')
      .limit(query.limit + 1);
    if (query.agreementId) select = select.where('agreement_id', '=', query.agreementId);
    if (query.overdue === 'true') select = select.where('phase', '<>', 'closed').where('due_at', '<', this.clock.now());
    if (query.phase) select = select.where('phase', '=', query.phase);
    const after = keysetAfter(PLAN_ORDER, query.cursor);
    if (after) select = select.where(after);
    const now = this.clock.now().getTime();
    return pageOf(
      await select.execute(),
      query.limit,
      (row) => [row.plan_id],
      (row) => toPlanView(row, now),
    );
  }

  @Endpoint(getPlanRoute)
  async planView(@ValidParam(getPlanRoute, 'planId', slugSchema) planId: string) {
    const row = await this.db
      .selectFrom('improvement_plan')
      .selectAll()
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    if (!row) throw new NotFoundException(`no improvement plan '${planId}'`);
    return toPlanView(row, this.clock.now().getTime());
  }
}

function toPlanView(row: Selectable<ReviewTables['improvement_plan']>, now: number) {
  return {
    planId: row.plan_id,
    agreementId: row.agreement_id,
    reviewId: row.review_id,
    decisionId: row.decision_id,
    item: row.item,
    requirement: row.requirement,
    approach: row.approach,
    owner: row.owner,
    dueAt: row.due_at?.toISOString() ?? null,
    resources: row.resources,
    phase: row.phase,
    approvedBy: row.approved_by,
    percentComplete: row.percent_complete,
    lastNote: row.last_note,
    effective: row.effective,
    evidence: row.evidence,
    outcome: row.outcome,
    closedAt: row.closed_at?.toISOString() ?? null,
    overdue: row.phase !== 'closed' && row.due_at !== null && row.due_at.getTime() < now,
    facts: row.facts,
  };
}
