import { agreementContentSchema } from '../agreement/agreement-content';
import { AVAILABILITY_TIERS, draftContentFromTemplate } from './agreement-templates';

describe('agreement templates', () => {
  it('ships the four availability tiers of the process documents', () => {
    expect(AVAILABILITY_TIERS.map((tier) => [tier.name, tier.percentage, tier.meanTimeToRestoreHours])).toEqual([
      ['Basic', 99.5, 2],
      ['Standard', 99.9, 1],
      ['Advanced', 99.99, 0.5],
      ['Exceptional', 99.999, 0.1],
    ]);
  });

  it('makes a valid starting draft with the reference P1-P4 targets per service', () => {
    const draft = draftContentFromTemplate({
      title: 'E-mail and calendar SLA',
      services: ['email', 'calendar'],
      tier: 'standard',
      calendars: { roundTheClock: '24x7', businessHours: 'office' },
      effectiveFrom: '2026-04-01T00:00:00Z',
    });
    expect(agreementContentSchema.parse(draft)).toEqual(draft);
    expect(draft.serviceTargets).toHaveLength(8);
    expect(
      draft.serviceTargets.find((target) => target.serviceId === 'email' && target.priority === 'P1'),
    ).toMatchObject({
      response: { duration: { unit: 'business-minutes', amount: 30 }, calendarId: '24x7' },
      resolution: { duration: { unit: 'business-hours', amount: 2 }, calendarId: '24x7' },
    });
    expect(
      draft.serviceTargets.find((target) => target.serviceId === 'calendar' && target.priority === 'P4')?.resolution
        .duration,
    ).toEqual({
      unit: 'working-days',
      amount: 10,
    });
    expect(draft.availabilityTargets.map((target) => target.percentage)).toEqual([99.9, 99.9]);
  });
});
