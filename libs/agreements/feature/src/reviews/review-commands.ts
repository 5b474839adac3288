import { Inject, Logger } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import {
  deterministicUuid,
  handleCommand,
  inStreamOrder,
  type EventMetadata,
  type EventStore,
} from '@sla/event-sourcing';
import {
  agreementDecider,
  agreementStreamName,
  improvementPlanDecider,
  improvementPlanStreamName,
  reviewDecider,
  reviewStreamName,
  type ImprovementPlanCommand,
  type ReviewCommand,
  type ReviewDecision,
} from '@sla/agreements-domain';
import { CLOCK, EVENT_STORE, READ_STORE, type Clock } from '@sla/nest-platform';
import type { AgreementTables } from '../read-models/agreements.projection';

export type FollowUp = { readonly decisionId: string; readonly opened: string | null; readonly error: string | null };
export type ReviewChanged = {
  readonly reviewId: string;
  readonly streamRevision: string;
  readonly followUps: readonly FollowUp[];
};

export class ChangeReviewCommand extends Command<ReviewChanged> {
  constructor(
    readonly command: ReviewCommand,
    readonly metadata: EventMetadata,
    readonly expectedRevision?: bigint,
  ) {
    super();
  }
}

/**
 * Holding a review records its minutes, then carries out its decisions:
 * an improvement plan is opened, an amendment draft is started. Each
 * follow-up uses ids derived from the decision, so re-running it after a
 * crash stores nothing twice; a follow-up that is refused (an amendment
 * while another draft is open) is reported, and the review stays held.
 */
@CommandHandler(ChangeReviewCommand)
export class ChangeReviewHandler implements ICommandHandler<ChangeReviewCommand> {
  private readonly logger = new Logger('Reviews');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_STORE) private readonly db: Kysely<AgreementTables>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ command, metadata, expectedRevision }: ChangeReviewCommand): Promise<ReviewChanged> {
    const outcome = await handleCommand(this.store, reviewStreamName(command.data.reviewId), reviewDecider, command, {
      metadata,
      expectedRevision,
      occurredAt: inStreamOrder(this.clock),
    });
    const followUps: FollowUp[] = [];
    if (command.type === 'HoldReview') {
      for (const decision of command.data.decisions) {
        followUps.push(
          await this.followUp(command.data.reviewId, decision, command.data.occurredAt, {
            ...metadata,
            causationId: command.data.reviewId,
          }),
        );
      }
    }
    return { reviewId: command.data.reviewId, streamRevision: outcome.streamRevision.toString(), followUps };
  }

  private async followUp(
    reviewId: string,
    decision: ReviewDecision,
    occurredAt: string,
    metadata: EventMetadata,
  ): Promise<FollowUp> {
    try {
      if (decision.outcome === 'improvement-required') {
        const { planId, item, requirement } = decision.improvement;
        await handleCommand(
          this.store,
          improvementPlanStreamName(planId),
          improvementPlanDecider,
          {
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
          },
          {
            metadata,
            eventIds: [deterministicUuid(`${reviewId}/${decision.decisionId}/improvement`)],
            occurredAt: inStreamOrder(this.clock),
          },
        );
        return { decisionId: decision.decisionId, opened: `improvement-plan ${planId}`, error: null };
      }
      if (decision.outcome === 'agreement-change-required') {
        const current = await this.db
          .selectFrom('agreement')
          .innerJoin('agreement_version', (join) =>
            join
              .onRef('agreement_version.agreement_id', '=', 'agreement.agreement_id')
              .onRef('agreement_version.version', '=', 'agreement.approved_version'),
          )
          .select(['agreement_version.content'])
          .where('agreement.agreement_id', '=', decision.agreementId)
          .executeTakeFirst();
        if (!current) throw new Error(`${decision.agreementId} has no approved version to amend`);
        const outcome = await handleCommand(
          this.store,
          agreementStreamName(decision.agreementId),
          agreementDecider,
          {
            type: 'DraftAmendment',
            data: {
              changeRequest: decision.amendment.changeRequest,
              content: { ...current.content, effectiveFrom: decision.amendment.effectiveFrom },
              occurredAt,
            },
          },
          {
            metadata,
            eventIds: [deterministicUuid(`${reviewId}/${decision.decisionId}/amendment`)],
            occurredAt: inStreamOrder(this.clock),
          },
        );
        return {
          decisionId: decision.decisionId,
          opened: `amendment draft of ${decision.agreementId} (revision ${outcome.streamRevision})`,
          error: null,
        };
      }
      return { decisionId: decision.decisionId, opened: null, error: null };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`review ${reviewId} decision ${decision.decisionId}: follow-up refused: ${message}`);
      return { decisionId: decision.decisionId, opened: null, error: message };
    }
  }
}

export type PlanChanged = { readonly planId: string; readonly streamRevision: string };

export class ChangeImprovementPlanCommand extends Command<PlanChanged> {
  constructor(
    readonly command: ImprovementPlanCommand,
    readonly metadata: EventMetadata,
    readonly expectedRevision?: bigint,
  ) {
    super();
  }
}

@CommandHandler(ChangeImprovementPlanCommand)
export class ChangeImprovementPlanHandler implements ICommandHandler<ChangeImprovementPlanCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ command, metadata, expectedRevision }: ChangeImprovementPlanCommand): Promise<PlanChanged> {
    const outcome = await handleCommand(
      this.store,
      improvementPlanStreamName(command.data.planId),
      improvementPlanDecider,
      command,
      {
        metadata,
        expectedRevision,
        occurredAt: inStreamOrder(this.clock),
      },
    );
    return { planId: command.data.planId, streamRevision: outcome.streamRevision.toString() };
  }
}
