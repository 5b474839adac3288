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
import { ChangeImprovementPlanCommand, ChangeReviewCommand } from './review-commands';
import type { ReviewTables } from './reviews.projection';
import type { AgreementTables } from '../read-models/agreements.projection';
import {
  annualDueQuery,
  annualReviewsDueRoute,
  approvalBody,
  approvePlanRoute,
  closePlanRoute,
  closureBody,
  detailBody,
  detailPlanRoute,
  effectivenessBody,
  getPlanRoute,
  getReviewRoute,
  holdBody,
  holdReviewRoute,
  id,
  listPlansRoute,
  listReviewsRoute,
  plansQuery,
  progressBody,
  recordPlanProgressRoute,
  reviewPlanEffectivenessRoute,
  reviewsQuery,
  scheduleBody,
  scheduleReviewRoute,
} from './reviews.routes';

const REVIEW_ORDER: KeysetColumn[] = [
  { column: 'scheduled_for', direction: 'asc' },
  { column: 'review_id', direction: 'asc' },
];

const PLAN_ORDER: KeysetColumn[] = [{ column: 'plan_id', direction: 'asc' }];

const AGREEMENT_ORDER: KeysetColumn[] = [{ column: 'agreement.agreement_id', direction: 'asc' }];

const YEAR_MILLISECONDS = 365 * 24 * 60 * 60 * 1000;

/** Review meetings and the service improvement plans they open. */
@Controller()
export class ReviewsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(READ_STORE) private readonly db: Kysely<ReviewTables>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private now(occurredAt: string | undefined) {
    return occurredAt ?? this.clock.now().toISOString();
  }

  @Endpoint(scheduleReviewRoute)
  schedule(
    @ValidBody(scheduleReviewRoute) body: z.infer<typeof scheduleBody>,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.commands.execute(
      new ChangeReviewCommand(
        { type: 'ScheduleReview', data: { ...body, occurredAt: this.now(body.occurredAt) } },
        metadata,
      ),
    );
  }

  @Endpoint(holdReviewRoute)
  hold(
    @ValidParam(holdReviewRoute, 'reviewId', id) reviewId: string,
    @ValidBody(holdReviewRoute) body: z.infer<typeof holdBody>,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.commands.execute(
      new ChangeReviewCommand(
        { type: 'HoldReview', data: { ...body, reviewId, occurredAt: this.now(body.occurredAt) } },
        metadata,
        parseIfMatch(ifMatch),
      ),
    );
  }

  @Endpoint(listReviewsRoute)
  async reviews(@ValidQuery(listReviewsRoute) query: z.infer<typeof reviewsQuery>) {
    let select = this.db
      .selectFrom('review')
      .selectAll()
      .orderBy('scheduled_for')
      .orderBy('review_id')
      .limit(query.limit + 1);
    if (query.agreementId) select = select.where('agreement_ids', '@>', JSON.stringify([query.agreementId]) as never);
    if (query.kind) select = select.where('kind', '=', query.kind);
    if (query.status) select = select.where('status', '=', query.status);
    const after = keysetAfter(REVIEW_ORDER, query.cursor);
    if (after) select = select.where(after);
    return pageOf(
      await select.execute(),
      query.limit,
      (row) => [row.scheduled_for.toISOString(), row.review_id],
      toReviewView,
    );
  }

  @Endpoint(getReviewRoute)
  async review(@ValidParam(getReviewRoute, 'reviewId', id) reviewId: string) {
    const row = await this.db.selectFrom('review').selectAll().where('review_id', '=', reviewId).executeTakeFirst();
    if (!row) throw new NotFoundException(`no review '${reviewId}'`);
    return toReviewView(row);
  }

  private plan(command: ChangeImprovementPlanCommand['command'], metadata: EventMetadata, ifMatch: string | undefined) {
    return this.commands.execute(new ChangeImprovementPlanCommand(command, metadata, parseIfMatch(ifMatch)));
  }

  @Endpoint(detailPlanRoute)
  detail(
    @ValidParam(detailPlanRoute, 'planId', id) planId: string,
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
    @ValidParam(approvePlanRoute, 'planId', id) planId: string,
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
    @ValidParam(recordPlanProgressRoute, 'planId', id) planId: string,
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
    @ValidParam(reviewPlanEffectivenessRoute, 'planId', id) planId: string,
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
    @ValidParam(closePlanRoute, 'planId', id) planId: string,
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

  /**
   * SLAs and UCs in effect whose annual review is due: no annual review held
   * in the 12 months before `at` (default now), counted from approval.
   */
  @Endpoint(annualReviewsDueRoute)
  async annualReviewsDue(@ValidQuery(annualReviewsDueRoute) query: z.infer<typeof annualDueQuery>) {
    const at = query.at ? new Date(query.at) : this.clock.now();
    // Due-ness is decided per agreement after reading, so pages are cut by agreement id and may come out short.
    let agreementQuery = (this.db as unknown as Kysely<ReviewTables & AgreementTables>)
      .selectFrom('agreement')
      .innerJoin('agreement_version', (join) =>
        join
          .onRef('agreement_version.agreement_id', '=', 'agreement.agreement_id')
          .on('agreement_version.version', '=', 1),
      )
      .select(['agreement.agreement_id', 'agreement.kind', 'agreement.title', 'agreement_version.approved_at'])
      .where('agreement.kind', 'in', ['SLA', 'UC'])
      .where('agreement.status', 'in', ['in-effect', 'suspended', 'terminating'])
      .orderBy('agreement.agreement_id')
      .limit(query.limit + 1);
    const after = keysetAfter(AGREEMENT_ORDER, query.cursor);
    if (after) agreementQuery = agreementQuery.where(after);
    const agreements = await agreementQuery.execute();
    const page = pageOf(
      agreements,
      query.limit,
      (agreement) => [agreement.agreement_id],
      (agreement) => agreement,
    );
    const held = await this.db
      .selectFrom('review')
      .select(['agreement_ids', 'held_at'])
      .where('kind', '=', 'annual-agreement')
      .where('status', '=', 'held')
      .execute();
    const due = [];
    for (const agreement of page.items) {
      const lastReview = held
        .filter(
          (review) =>
            review.agreement_ids.includes(agreement.agreement_id) && review.held_at !== null && review.held_at <= at,
        )
        .map((review) => review.held_at!.getTime())
        .sort((a, b) => b - a)[0];
      const since = lastReview ?? agreement.approved_at?.getTime() ?? at.getTime();
      const dueAt = since + YEAR_MILLISECONDS;
      if (dueAt <= at.getTime()) {
        due.push({
          agreementId: agreement.agreement_id,
          kind: agreement.kind,
          title: agreement.title,
          lastAnnualReviewAt: lastReview ? new Date(lastReview).toISOString() : null,
          dueAt: new Date(dueAt).toISOString(),
        });
      }
    }
    return { items: due, nextCursor: page.nextCursor };
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
  async planView(@ValidParam(getPlanRoute, 'planId', id) planId: string) {
    const row = await this.db
      .selectFrom('improvement_plan')
      .selectAll()
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    if (!row) throw new NotFoundException(`no improvement plan '${planId}'`);
    return toPlanView(row, this.clock.now().getTime());
  }
}

function toReviewView(row: Selectable<ReviewTables['review']>) {
  return {
    reviewId: row.review_id,
    kind: row.kind,
    agreementIds: row.agreement_ids,
    periodFrom: row.period_from.toISOString(),
    periodTo: row.period_to.toISOString(),
    scheduledFor: row.scheduled_for.toISOString(),
    status: row.status,
    heldAt: row.held_at?.toISOString() ?? null,
    attendees: row.attendees,
    minutes: row.minutes,
    decisions: row.decisions,
    recordedBy: row.recorded_by,
    facts: row.facts,
  };
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
