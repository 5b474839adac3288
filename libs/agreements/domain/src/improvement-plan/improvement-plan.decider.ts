import { z } from 'zod';
import {
  DomainError,
  defineEvent,
  type Decider,
  type DomainEvent,
  type EventDataOf,
  instantSchema,
  slugSchema,
  streamName,
} from '@sla/event-sourcing';

/**
 * Service improvement plan, plan-do-check-act: opened by a review decision
 * (plan), detailed and approved, progressed (do), its effectiveness reviewed
 * (check), closed (act).
 */

export const ImprovementPlanOpened = defineEvent({
  type: 'ImprovementPlanOpened',
  schemaVersion: 1,
  schema: z.strictObject({
    planId: slugSchema,
    agreementId: slugSchema,
    reviewId: slugSchema,
    decisionId: slugSchema,
    item: z.string().trim().min(1),
    requirement: z.string().trim().min(1),
    occurredAt: instantSchema,
  }),
});

export const ImprovementPlanDetailed = defineEvent({
  type: 'ImprovementPlanDetailed',
  schemaVersion: 1,
  schema: z.strictObject({
    planId: slugSchema,
    approach: z.string().trim().min(1),
    owner: z.string().trim().min(1),
    dueAt: instantSchema,
    resources: z.string().default(''),
    occurredAt: instantSchema,
  }),
});

export const ImprovementPlanApproved = defineEvent({
  type: 'ImprovementPlanApproved',
  schemaVersion: 1,
  schema: z.strictObject({ planId: slugSchema, approvedBy: z.string().trim().min(1), occurredAt: instantSchema }),
});

export const ImprovementProgressRecorded = defineEvent({
  type: 'ImprovementProgressRecorded',
  schemaVersion: 1,
  schema: z.strictObject({
    planId: slugSchema,
    note: z.string().trim().min(1),
    percentComplete: z.number().int().min(0).max(100),
    occurredAt: instantSchema,
  }),
});

export const ImprovementEffectivenessReviewed = defineEvent({
  type: 'ImprovementEffectivenessReviewed',
  schemaVersion: 1,
  schema: z.strictObject({
    planId: slugSchema,
    effective: z.boolean(),
    evidence: z.string().trim().min(1),
    occurredAt: instantSchema,
  }),
});

export const ImprovementPlanClosed = defineEvent({
  type: 'ImprovementPlanClosed',
  schemaVersion: 1,
  schema: z.strictObject({ planId: slugSchema, outcome: z.string().trim().min(1), occurredAt: instantSchema }),
});

export const improvementPlanEventDefinitions = [
  ImprovementPlanOpened,
  ImprovementPlanDetailed,
  ImprovementPlanApproved,
  ImprovementProgressRecorded,
  ImprovementEffectivenessReviewed,
  ImprovementPlanClosed,
];

export type ImprovementPlanEvent =
  | DomainEvent<'ImprovementPlanOpened', EventDataOf<typeof ImprovementPlanOpened>>
  | DomainEvent<'ImprovementPlanDetailed', EventDataOf<typeof ImprovementPlanDetailed>>
  | DomainEvent<'ImprovementPlanApproved', EventDataOf<typeof ImprovementPlanApproved>>
  | DomainEvent<'ImprovementProgressRecorded', EventDataOf<typeof ImprovementProgressRecorded>>
  | DomainEvent<'ImprovementEffectivenessReviewed', EventDataOf<typeof ImprovementEffectivenessReviewed>>
  | DomainEvent<'ImprovementPlanClosed', EventDataOf<typeof ImprovementPlanClosed>>;

export type ImprovementPlanCommand =
  | { type: 'OpenImprovementPlan'; data: EventDataOf<typeof ImprovementPlanOpened> }
  | { type: 'DetailImprovementPlan'; data: EventDataOf<typeof ImprovementPlanDetailed> }
  | { type: 'ApproveImprovementPlan'; data: EventDataOf<typeof ImprovementPlanApproved> }
  | { type: 'RecordImprovementProgress'; data: EventDataOf<typeof ImprovementProgressRecorded> }
  | { type: 'ReviewImprovementEffectiveness'; data: EventDataOf<typeof ImprovementEffectivenessReviewed> }
  | { type: 'CloseImprovementPlan'; data: EventDataOf<typeof ImprovementPlanClosed> };

export type ImprovementPlanPhase = 'none' | 'opened' | 'planned' | 'approved' | 'in-progress' | 'checked' | 'closed';

export type ImprovementPlanState = { readonly phase: ImprovementPlanPhase; readonly effective: boolean | null };

export type ImprovementPlanErrorCode =
  | 'PLAN_ALREADY_OPENED'
  | 'PLAN_NOT_FOUND'
  | 'PLAN_NOT_DETAILED'
  | 'PLAN_NOT_APPROVED'
  | 'PLAN_CLOSED'
  | 'EFFECTIVENESS_NOT_REVIEWED'
  | 'PLAN_NOT_EFFECTIVE';

export class ImprovementPlanError extends DomainError {
  readonly kind: DomainError['kind'];
  constructor(
    readonly code: ImprovementPlanErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImprovementPlanError';
    this.kind =
      code === 'PLAN_NOT_FOUND'
        ? 'not_found'
        : code === 'PLAN_ALREADY_OPENED' || code === 'PLAN_CLOSED'
          ? 'conflict'
          : 'rule_violated';
  }
}

export const improvementPlanDecider: Decider<ImprovementPlanCommand, ImprovementPlanEvent, ImprovementPlanState> = {
  initialState: () => ({ phase: 'none', effective: null }),
  evolve(state, event) {
    switch (event.type) {
      case 'ImprovementPlanOpened':
        return { phase: 'opened', effective: null };
      case 'ImprovementPlanDetailed':
        // Re-planning after approval needs a new approval.
        return { ...state, phase: 'planned' };
      case 'ImprovementPlanApproved':
        return { ...state, phase: 'approved' };
      case 'ImprovementProgressRecorded':
        return { ...state, phase: 'in-progress' };
      case 'ImprovementEffectivenessReviewed':
        return { phase: event.data.effective ? 'checked' : 'in-progress', effective: event.data.effective };
      case 'ImprovementPlanClosed':
        return { ...state, phase: 'closed' };
    }
  },
  decide(command, state) {
    const planId = command.data.planId;
    if (command.type === 'OpenImprovementPlan') {
      if (state.phase !== 'none')
        throw new ImprovementPlanError('PLAN_ALREADY_OPENED', `improvement plan ${planId} already exists`);
      return [{ type: 'ImprovementPlanOpened', data: command.data }];
    }
    if (state.phase === 'none') throw new ImprovementPlanError('PLAN_NOT_FOUND', `no improvement plan ${planId}`);
    if (state.phase === 'closed') throw new ImprovementPlanError('PLAN_CLOSED', `improvement plan ${planId} is closed`);
    switch (command.type) {
      case 'DetailImprovementPlan':
        return [{ type: 'ImprovementPlanDetailed', data: command.data }];
      case 'ApproveImprovementPlan':
        if (state.phase !== 'planned')
          throw new ImprovementPlanError(
            'PLAN_NOT_DETAILED',
            'approach, owner, due date and resources come before approval',
          );
        return [{ type: 'ImprovementPlanApproved', data: command.data }];
      case 'RecordImprovementProgress':
        if (state.phase === 'opened' || state.phase === 'planned')
          throw new ImprovementPlanError('PLAN_NOT_APPROVED', 'work starts once the plan is approved');
        return [{ type: 'ImprovementProgressRecorded', data: command.data }];
      case 'ReviewImprovementEffectiveness':
        if (state.phase === 'opened' || state.phase === 'planned')
          throw new ImprovementPlanError('PLAN_NOT_APPROVED', 'only an approved plan in progress can be checked');
        return [{ type: 'ImprovementEffectivenessReviewed', data: command.data }];
      case 'CloseImprovementPlan':
        if (state.effective === null)
          throw new ImprovementPlanError(
            'EFFECTIVENESS_NOT_REVIEWED',
            'close a plan only after its effectiveness has been reviewed',
          );
        if (!state.effective)
          throw new ImprovementPlanError(
            'PLAN_NOT_EFFECTIVE',
            'the last effectiveness review found the plan not effective: act on it first',
          );
        return [{ type: 'ImprovementPlanClosed', data: command.data }];
    }
  },
};

export const improvementPlanStreamName = (planId: string) => streamName('improvement_plan', planId);
