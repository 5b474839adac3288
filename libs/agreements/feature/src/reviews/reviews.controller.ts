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
import { ChangeReviewCommand } from './review-commands';
import type { ReviewTables } from './reviews.projection';
import type { AgreementTables } from '../read-models/agreements.projection';
import {
  scheduleBody,
  holdBody,
  reviewsQuery,
  annualDueQuery,
  scheduleReviewRoute,
  holdReviewRoute,
  listReviewsRoute,
  getReviewRoute,
  annualReviewsDueRoute,
} from './reviews.routes';

const REVIEW_ORDER: KeysetColumn[] = [
  { column: 'scheduled_for', direction: 'asc' },
  { column: 'review_id', direction: 'asc' },
];

const AGREEMENT_ORDER: KeysetColumn[] = [{ column: 'agreement.agreement_id', direction: 'asc' }];

const YEAR_MILLISECONDS = 365 * 24 * 60 * 60 * 1000;

/** Review meetings: scheduled, held with their minutes and decisions, and the annual reviews due. */
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
    @ValidParam(holdReviewRoute, 'reviewId', slugSchema) reviewId: string,
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
  async review(@ValidParam(getReviewRoute, 'reviewId', slugSchema) reviewId: string) {
    const row = await this.db.selectFrom('review').selectAll().where('review_id', '=', reviewId).executeTakeFirst();
    if (!row) throw new NotFoundException(`no review '${reviewId}'`);
    return toReviewView(row);
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
