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

const decide = (events: ImprovementPlanEvent[], command: ImprovementPlanCommand) => () =>
  improvementPlanDecider.decide(
    command,
    events.reduce(improvementPlanDecider.evolve, improvementPlanDecider.initialState()),
  );
const close: ImprovementPlanCommand = {
  type: 'CloseImprovementPlan',
  data: { planId: 'sip-p1', outcome: 'P1 resolution back within target', occurredAt: at },
};

describe('service improvement plan (plan-do-check-act)', () => {
  it('goes plan → approve → do → check → act', () => {
    expect(decide([], { type: 'OpenImprovementPlan', data: opened.data as never })()).toEqual([opened]);
    expect(decide([opened], { type: 'DetailImprovementPlan', data: detailed.data as never })()).toEqual([detailed]);
    expect(decide([opened, detailed], { type: 'ApproveImprovementPlan', data: approved.data as never })()).toEqual([
      approved,
    ]);
    expect(
      decide([opened, detailed, approved], { type: 'RecordImprovementProgress', data: progress.data as never })(),
    ).toEqual([progress]);
    expect(decide([opened, detailed, approved, progress, checked(true)], close)()).toEqual([
      { type: 'ImprovementPlanClosed', data: close.data },
    ]);
  });

  it('needs approach, owner and due date before approval, and approval before work', () => {
    expect(decide([opened], { type: 'ApproveImprovementPlan', data: approved.data as never })).toThrow(
      expect.objectContaining({ code: 'PLAN_NOT_DETAILED' }),
    );
    expect(decide([opened, detailed], { type: 'RecordImprovementProgress', data: progress.data as never })).toThrow(
      expect.objectContaining({ code: 'PLAN_NOT_APPROVED' }),
    );
  });

  it('closes only after an effectiveness review found it effective', () => {
    expect(decide([opened, detailed, approved, progress], close)).toThrow(
      expect.objectContaining({ code: 'EFFECTIVENESS_NOT_REVIEWED' }),
    );
    expect(decide([opened, detailed, approved, progress, checked(false)], close)).toThrow(
      expect.objectContaining({ code: 'PLAN_NOT_EFFECTIVE' }),
    );
  });

  it('accepts nothing once closed', () => {
    const closed: ImprovementPlanEvent = { type: 'ImprovementPlanClosed', data: close.data as never };
    expect(
      decide([opened, detailed, approved, progress, checked(true), closed], {
        type: 'RecordImprovementProgress',
        data: progress.data as never,
      }),
    ).toThrow(expect.objectContaining({ code: 'PLAN_CLOSED' }));
  });
});
