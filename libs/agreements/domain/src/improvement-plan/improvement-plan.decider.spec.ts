import { deciderSpec } from '@sla/event-sourcing/testing';
import {
  improvementPlanDecider,
  type ImprovementPlanCommand,
  type ImprovementPlanEvent,
} from './improvement-plan.decider';

const at = '2027-01-16T09:00:00Z';
const opened: ImprovementPlanEvent = {
  type: 'ImprovementPlanOpened',
  data: {
    planId: 'sip-p1',
    agreementId: 'email-sla',
    reviewId: 'annual-2026-email',
    decisionId: 'd2',
    item: 'P1 resolution',
    requirement: 'resolve P1 within 2 h',
    occurredAt: at,
  },
};
const detailed: ImprovementPlanEvent = {
  type: 'ImprovementPlanDetailed',
  data: {
    planId: 'sip-p1',
    approach: 'second on-call line',
    owner: 'Alice Chen',
    dueAt: '2027-04-01T00:00:00Z',
    resources: '2 engineers',
    occurredAt: at,
  },
};
const approved: ImprovementPlanEvent = {
  type: 'ImprovementPlanApproved',
  data: { planId: 'sip-p1', approvedBy: 'Head of IT', occurredAt: at },
};
const progress: ImprovementPlanEvent = {
  type: 'ImprovementProgressRecorded',
  data: { planId: 'sip-p1', note: 'rota live', percentComplete: 60, occurredAt: at },
};
const checked = (effective: boolean): ImprovementPlanEvent => ({
  type: 'ImprovementEffectivenessReviewed',
  data: { planId: 'sip-p1', effective, evidence: 'March figures', occurredAt: at },
});

const { given } = deciderSpec(improvementPlanDecider);
const close: ImprovementPlanCommand = {
  type: 'CloseImprovementPlan',
  data: { planId: 'sip-p1', outcome: 'P1 resolution back within target', occurredAt: at },
};

describe('service improvement plan (plan-do-check-act)', () => {
  it('goes plan → approve → do → check → act', () => {
    given([])
      .when({ type: 'OpenImprovementPlan', data: opened.data as never })
      .then([opened]);
    given([opened])
      .when({ type: 'DetailImprovementPlan', data: detailed.data as never })
      .then([detailed]);
    given([opened, detailed])
      .when({ type: 'ApproveImprovementPlan', data: approved.data as never })
      .then([approved]);
    given([opened, detailed, approved])
      .when({ type: 'RecordImprovementProgress', data: progress.data as never })
      .then([progress]);
    given([opened, detailed, approved, progress, checked(true)])
      .when(close)
      .then([{ type: 'ImprovementPlanClosed', data: close.data }]);
  });

  it('needs approach, owner and due date before approval, and approval before work', () => {
    given([opened])
      .when({ type: 'ApproveImprovementPlan', data: approved.data as never })
      .thenFails('PLAN_NOT_DETAILED');
    given([opened, detailed])
      .when({ type: 'RecordImprovementProgress', data: progress.data as never })
      .thenFails('PLAN_NOT_APPROVED');
  });

  it('closes only after an effectiveness review found it effective', () => {
    given([opened, detailed, approved, progress]).when(close).thenFails('EFFECTIVENESS_NOT_REVIEWED');
    given([opened, detailed, approved, progress, checked(false)])
      .when(close)
      .thenFails('PLAN_NOT_EFFECTIVE');
  });

  it('accepts nothing once closed', () => {
    const closed: ImprovementPlanEvent = { type: 'ImprovementPlanClosed', data: close.data as never };
    given([opened, detailed, approved, progress, checked(true), closed])
      .when({
        type: 'RecordImprovementProgress',
        data: progress.data as never,
      })
      .thenFails('PLAN_CLOSED');
  });
});
