import { deciderSpec } from '@sla/event-sourcing/testing';
import { reviewDecider, type ReviewCommand, type ReviewEvent } from './review.decider';

const scheduled: ReviewEvent = {
  type: 'ReviewScheduled',
  data: {
    reviewId: 'annual-2026-email',
    kind: 'annual-agreement',
    agreementIds: ['email-sla', 'mailhost-uc'],
    periodFrom: '2026-01-01T00:00:00Z',
    periodTo: '2027-01-01T00:00:00Z',
    scheduledFor: '2027-01-15T10:00:00Z',
    occurredAt: '2026-12-01T09:00:00Z',
  },
};
const hold = (decisions: Extract<ReviewCommand, { type: 'HoldReview' }>['data']['decisions']): ReviewCommand => ({
  type: 'HoldReview',
  data: {
    reviewId: 'annual-2026-email',
    heldAt: '2027-01-15T10:00:00Z',
    attendees: [
      { name: 'Alice Chen', role: 'Service level manager', party: 'provider' },
      { name: 'Bob Meyer', role: 'Head of Finance', party: 'customer' },
    ],
    minutes: 'Targets met except P1 resolution in March; supplier response improved.',
    decisions,
    occurredAt: '2027-01-15T12:00:00Z',
  },
});
const { given } = deciderSpec(reviewDecider);

describe('review meetings', () => {
  it('schedules a review of named agreements over a period', () => {
    given([]).when({ type: 'ScheduleReview', data: scheduled.data }).then([scheduled]);
    given([])
      .when({ type: 'ScheduleReview', data: { ...scheduled.data, periodTo: scheduled.data.periodFrom } })
      .thenFails('PERIOD_REVERSED');
  });

  it('holds it once, with attendees, minutes and decisions of every kind', () => {
    const command = hold([
      { decisionId: 'd1', agreementId: 'mailhost-uc', outcome: 'accept', rationale: 'all targets met' },
      {
        decisionId: 'd2',
        agreementId: 'email-sla',
        outcome: 'improvement-required',
        rationale: 'P1 resolution missed in March',
        improvement: {
          planId: 'sip-p1-resolution',
          item: 'P1 resolution',
          requirement: 'resolve P1 within 2 h in 95 % of cases',
        },
      },
      {
        decisionId: 'd3',
        agreementId: 'email-sla',
        outcome: 'agreement-change-required',
        rationale: 'add calendar service',
        amendment: { changeRequest: 'CR-2027-004', effectiveFrom: '2027-04-01T00:00:00Z' },
      },
    ]);
    const held = { type: 'ReviewHeld', data: command.data } as ReviewEvent;
    given([scheduled]).when(command).then([held]);
    given([scheduled, held]).when(command).thenFails('REVIEW_ALREADY_HELD');
  });

  it('refuses decisions about agreements the review does not cover, and duplicate decision ids', () => {
    given([scheduled])
      .when(hold([{ decisionId: 'd1', agreementId: 'other-sla', outcome: 'accept', rationale: 'x' }]))
      .thenFails('DECISION_FOR_UNREVIEWED_AGREEMENT');
    given([scheduled])
      .when(
        hold([
          { decisionId: 'd1', agreementId: 'email-sla', outcome: 'accept', rationale: 'x' },
          { decisionId: 'd1', agreementId: 'mailhost-uc', outcome: 'accept', rationale: 'y' },
        ]),
      )
      .thenFails('DUPLICATE_DECISION');
  });

  it('cannot hold a review that was never scheduled', () => {
    given([])
      .when(hold([{ decisionId: 'd1', agreementId: 'email-sla', outcome: 'accept', rationale: 'x' }]))
      .thenFails('REVIEW_NOT_FOUND');
  });
});
