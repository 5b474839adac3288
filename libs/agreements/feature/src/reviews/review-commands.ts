import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, inStreamOrder, type EventMetadata, type EventStore } from '@sla/event-sourcing';
import {
  improvementPlanDecider,
  improvementPlanStreamName,
  reviewDecider,
  reviewStreamName,
  type ImprovementPlanCommand,
  type ReviewCommand,
} from '@sla/agreements-domain';
import { CLOCK, EVENT_STORE, type Clock } from '@sla/nest-platform';
import { followUpOf, foreseeFollowUp } from './review-follow-ups.reactor';

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
 * Holding a review records its minutes and nothing else: its decisions (an
 * improvement plan opened, an amendment draft started) are carried out by
 * the review follow-ups reactor, which survives a crash after this append.
 * The answer names what each decision will open, or the refusal that
 * deciding it against its stream now foresees; a client that reads the plan
 * or the draft right after may have to wait for the reactor.
 */
@CommandHandler(ChangeReviewCommand)
export class ChangeReviewHandler implements ICommandHandler<ChangeReviewCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
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
        const plan = followUpOf(command.data.reviewId, decision, command.data.occurredAt);
        if (!plan) {
          followUps.push({ decisionId: decision.decisionId, opened: null, error: null });
          continue;
        }
        try {
          await foreseeFollowUp(this.store, plan, this.clock.now());
          followUps.push({ decisionId: decision.decisionId, opened: plan.opens, error: null });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          followUps.push({ decisionId: decision.decisionId, opened: null, error: message });
        }
      }
    }
    return { reviewId: command.data.reviewId, streamRevision: outcome.streamRevision.toString(), followUps };
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
