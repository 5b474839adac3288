import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { EventMetadata } from '@sla/event-sourcing';
import { reviewHeldSchema, reviewScheduledSchema } from '@sla/agreements-domain';
import {
  CLOCK,
  READ_STORE,
  RequestMetadata,
  ZodValidationPipe,
  keysetAfter,
  pageOf,
  pageQueryShape,
  pageSchema,
  parseIfMatch,
  writeErrors,
  type Clock,
  type KeysetColumn,
  type RouteDocumentation,
} from '@sla/nest-platform';
import { ChangeImprovementPlanCommand, ChangeReviewCommand } from './review-commands';
import type { ReviewTables } from './reviews.projection';
import type { AgreementTables } from '../read-models/agreements.projection';

const instant = z.iso.datetime({ offset: true });
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes, 2-63 characters');
const scheduleBody = reviewScheduledSchema.omit({ occurredAt: true }).extend({ occurredAt: instant.optional() });
const holdBody = reviewHeldSchema.omit({ reviewId: true, occurredAt: true }).extend({ occurredAt: instant.optional() });
const detailBody = z.strictObject({
  approach: z.string().trim().min(1),
  owner: z.string().trim().min(1),
  dueAt: instant,
  resources: z.string().default(''),
  occurredAt: instant.optional(),
});
const approvalBody = z.strictObject({ occurredAt: instant.optional() });
const progressBody = z.strictObject({
  note: z.string().trim().min(1),
  percentComplete: z.number().int().min(0).max(100),
  occurredAt: instant.optional(),
});
const effectivenessBody = z.strictObject({
  effective: z.boolean(),
  evidence: z.string().trim().min(1),
  occurredAt: instant.optional(),
});
const closureBody = z.strictObject({ outcome: z.string().trim().min(1), occurredAt: instant.optional() });
const reviewsQuery = z.strictObject({
  agreementId: id.optional(),
  kind: z.string().min(1).max(100).optional(),
  status: z.enum(['scheduled', 'held']).optional(),
  ...pageQueryShape,
});
const plansQuery = z.strictObject({
  agreementId: id.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  phase: z.string().min(1).max(100).optional(),
  ...pageQueryShape,
});
const annualDueQuery = z.strictObject({ at: instant.optional(), ...pageQueryShape });
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

  @Post('reviews')
  schedule(
    @Body(new ZodValidationPipe(scheduleBody)) body: z.infer<typeof scheduleBody>,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.commands.execute(
      new ChangeReviewCommand(
        { type: 'ScheduleReview', data: { ...body, occurredAt: this.now(body.occurredAt) } },
        metadata,
      ),
    );
  }

  @Post('reviews/:reviewId/minutes')
  @HttpCode(200)
  hold(
    @Param('reviewId', new ZodValidationPipe(id, 'path')) reviewId: string,
    @Body(new ZodValidationPipe(holdBody)) body: z.infer<typeof holdBody>,
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

  @Get('reviews')
  async reviews(@Query(new ZodValidationPipe(reviewsQuery, 'query')) query: z.infer<typeof reviewsQuery>) {
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

  @Get('reviews/:reviewId')
  async review(@Param('reviewId', new ZodValidationPipe(id, 'path')) reviewId: string) {
    const row = await this.db.selectFrom('review').selectAll().where('review_id', '=', reviewId).executeTakeFirst();
    if (!row) throw new NotFoundException(`no review '${reviewId}'`);
    return toReviewView(row);
  }

  private plan(command: ChangeImprovementPlanCommand['command'], metadata: EventMetadata, ifMatch: string | undefined) {
    return this.commands.execute(new ChangeImprovementPlanCommand(command, metadata, parseIfMatch(ifMatch)));
  }

  @Post('improvement-plans/:planId/details')
  @HttpCode(200)
  detail(
    @Param('planId', new ZodValidationPipe(id, 'path')) planId: string,
    @Body(new ZodValidationPipe(detailBody)) body: z.infer<typeof detailBody>,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.plan(
      { type: 'DetailImprovementPlan', data: { ...body, planId, occurredAt: this.now(body.occurredAt) } },
      metadata,
      ifMatch,
    );
  }

  @Post('improvement-plans/:planId/approval')
  @HttpCode(200)
  approve(
    @Param('planId', new ZodValidationPipe(id, 'path')) planId: string,
    @Body(new ZodValidationPipe(approvalBody)) body: z.infer<typeof approvalBody>,
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

  @Post('improvement-plans/:planId/progress')
  @HttpCode(200)
  progress(
    @Param('planId', new ZodValidationPipe(id, 'path')) planId: string,
    @Body(new ZodValidationPipe(progressBody)) body: z.infer<typeof progressBody>,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.plan(
      { type: 'RecordImprovementProgress', data: { ...body, planId, occurredAt: this.now(body.occurredAt) } },
      metadata,
      ifMatch,
    );
  }

  @Post('improvement-plans/:planId/effectiveness-review')
  @HttpCode(200)
  check(
    @Param('planId', new ZodValidationPipe(id, 'path')) planId: string,
    @Body(new ZodValidationPipe(effectivenessBody)) body: z.infer<typeof effectivenessBody>,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.plan(
      { type: 'ReviewImprovementEffectiveness', data: { ...body, planId, occurredAt: this.now(body.occurredAt) } },
      metadata,
      ifMatch,
    );
  }

  @Post('improvement-plans/:planId/closure')
  @HttpCode(200)
  close(
    @Param('planId', new ZodValidationPipe(id, 'path')) planId: string,
    @Body(new ZodValidationPipe(closureBody)) body: z.infer<typeof closureBody>,
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
  @Get('annual-reviews-due')
  async annualReviewsDue(@Query(new ZodValidationPipe(annualDueQuery, 'query')) query: z.infer<typeof annualDueQuery>) {
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
  @Get('improvement-plans')
  async plans(@Query(new ZodValidationPipe(plansQuery, 'query')) query: z.infer<typeof plansQuery>) {
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

  @Get('improvement-plans/:planId')
  async planView(@Param('planId', new ZodValidationPipe(id, 'path')) planId: string) {
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

/** Each fact of the record: when it happened (occurredAt, may be back-dated) and when it was entered (recordedAt). */
const governanceFact = z.object({
  event: z.string(),
  actor: z.string(),
  occurredAt: z.string(),
  recordedAt: z.string(),
});
const reviewView = z.object({
  reviewId: z.string(),
  kind: z.string(),
  agreementIds: z.array(z.string()),
  periodFrom: z.string(),
  periodTo: z.string(),
  scheduledFor: z.string(),
  status: z.enum(['scheduled', 'held']),
  heldAt: z.string().nullable(),
  attendees: z.unknown(),
  minutes: z.string().nullable(),
  decisions: z.unknown(),
  recordedBy: z.string(),
  facts: z.array(governanceFact),
});
const planView = z.object({
  planId: z.string(),
  agreementId: z.string(),
  reviewId: z.string(),
  decisionId: z.string(),
  item: z.string(),
  requirement: z.string(),
  approach: z.string().nullable(),
  owner: z.string().nullable(),
  dueAt: z.string().nullable(),
  resources: z.string().nullable(),
  phase: z.string(),
  approvedBy: z.string().nullable(),
  percentComplete: z.number(),
  lastNote: z.string().nullable(),
  effective: z.boolean().nullable(),
  evidence: z.string().nullable(),
  outcome: z.string().nullable(),
  closedAt: z.string().nullable(),
  overdue: z.boolean(),
  facts: z.array(governanceFact),
});
const reviewChanged = z.object({
  reviewId: z.string(),
  streamRevision: z.string(),
  followUps: z.array(z.object({ decisionId: z.string(), opened: z.string().nullable(), error: z.string().nullable() })),
});
const planChanged = z.object({ planId: z.string(), streamRevision: z.string() });
const planWrite = (path: string, summary: string, body: z.ZodType): RouteDocumentation => ({
  method: 'post',
  path: `/improvement-plans/{planId}/${path}`,
  tag: 'reviews',
  summary,
  body,
  ifMatch: true,
  responses: { 200: { description: 'recorded', schema: planChanged }, ...writeErrors },
});

export const reviewRoutes: RouteDocumentation[] = [
  {
    method: 'post',
    path: '/reviews',
    tag: 'reviews',
    summary: 'Schedule a review meeting',
    body: scheduleBody,
    responses: { 201: { description: 'scheduled', schema: reviewChanged }, ...writeErrors },
  },
  {
    method: 'post',
    path: '/reviews/{reviewId}/minutes',
    tag: 'reviews',
    summary: 'Record the meeting: attendees, minutes, decisions (opens improvement plans and amendment drafts)',
    body: holdBody,
    ifMatch: true,
    responses: {
      200: {
        description: 'held, with the follow-ups its decisions open (carried out just after)',
        schema: reviewChanged,
      },
      ...writeErrors,
    },
  },
  {
    method: 'get',
    path: '/reviews',
    tag: 'reviews',
    summary: 'Reviews by scheduled time, optionally of one agreement, kind or status',
    query: reviewsQuery,
    responses: { 200: { description: 'a page of reviews', schema: pageSchema(reviewView) }, 400: writeErrors[400] },
  },
  {
    method: 'get',
    path: '/reviews/{reviewId}',
    tag: 'reviews',
    summary: 'One review',
    responses: { 200: { description: 'the review', schema: reviewView }, 400: writeErrors[400], 404: writeErrors[404] },
  },
  planWrite('details', 'Plan: approach, owner, due date, resources', detailBody),
  planWrite('approval', 'Approve the plan (the approver is the acting user)', approvalBody),
  planWrite('progress', 'Do: record progress', progressBody),
  planWrite('effectiveness-review', 'Check: was it effective?', effectivenessBody),
  planWrite('closure', 'Act: close an effective plan', closureBody),
  {
    method: 'get',
    path: '/annual-reviews-due',
    tag: 'reviews',
    summary: 'SLAs and UCs whose annual review is due (none held in the last 12 months)',
    query: annualDueQuery,
    responses: {
      200: {
        description: 'agreements due for review',
        schema: pageSchema(
          z.object({
            agreementId: z.string(),
            kind: z.string(),
            title: z.string(),
            lastAnnualReviewAt: z.string().nullable(),
            dueAt: z.string(),
          }),
        ),
      },
      400: writeErrors[400],
    },
  },
  {
    method: 'get',
    path: '/improvement-plans',
    tag: 'reviews',
    summary: 'Improvement plans; overdue=true lists open plans past their due date',
    query: plansQuery,
    responses: { 200: { description: 'a page of plans', schema: pageSchema(planView) }, 400: writeErrors[400] },
  },
  {
    method: 'get',
    path: '/improvement-plans/{planId}',
    tag: 'reviews',
    summary: 'One improvement plan',
    responses: { 200: { description: 'the plan', schema: planView }, 400: writeErrors[400], 404: writeErrors[404] },
  },
];
