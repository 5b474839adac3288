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
const decide = (events: ReviewEvent[], command: ReviewCommand) => () =>
  reviewDecider.decide(command, events.reduce(reviewDecider.evolve, reviewDecider.initialState()));

describe('review meetings', () => {
  it('schedules a review of named agreements over a period', () => {
    expect(decide([], { type: 'ScheduleReview', data: scheduled.data })()).toEqual([scheduled]);
    expect(
      decide([], { type: 'ScheduleReview', data: { ...scheduled.data, periodTo: scheduled.data.periodFrom } }),
    ).toThrow(expect.objectContaining({ code: 'PERIOD_REVERSED' }));
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
    expect(decide([scheduled], command)()).toEqual([{ type: 'ReviewHeld', data: command.data }]);
    const held = { type: 'ReviewHeld', data: command.data } as ReviewEvent;
    expect(decide([scheduled, held], command)).toThrow(expect.objectContaining({ code: 'REVIEW_ALREADY_HELD' }));
  });

  it('refuses decisions about agreements the review does not cover, and duplicate decision ids', () => {
    expect(
      decide([scheduled], hold([{ decisionId: 'd1', agreementId: 'other-sla', outcome: 'accept', rationale: 'x' }])),
    ).toThrow(expect.objectContaining({ code: 'DECISION_FOR_UNREVIEWED_AGREEMENT' }));
    expect(
      decide(
        [scheduled],
        hold([
          { decisionId: 'd1', agreementId: 'email-sla', outcome: 'accept', rationale: 'x' },
          { decisionId: 'd1', agreementId: 'mailhost-uc', outcome: 'accept', rationale: 'y' },
        ]),
      ),
    ).toThrow(expect.objectContaining({ code: 'DUPLICATE_DECISION' }));
  });

  it('cannot hold a review that was never scheduled', () => {
    expect(
      decide([], hold([{ decisionId: 'd1', agreementId: 'email-sla', outcome: 'accept', rationale: 'x' }])),
    ).toThrow(expect.objectContaining({ code: 'REVIEW_NOT_FOUND' }));
  });
});
