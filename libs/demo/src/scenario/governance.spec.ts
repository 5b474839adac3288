import { readFileSync } from 'node:fs';
import path from 'node:path';
import { calendarFromJson } from '@sla/sla-clock';
import { generateDemoScenario, type DemoSize } from '../demo-scenario';

const chinaBusinessHours = calendarFromJson(
  readFileSync(path.join(__dirname, '../../../sla-clock/data/cn-2026-business-hours.calendar.json'), 'utf8'),
);

describe('governance scenario', () => {
  it.each<DemoSize>(['small', 'year'])('has every kind of follow-up, review and plan state in %s', (size) => {
    const scenario = generateDemoScenario({ seed: 20260101, size, chinaBusinessHours });
    const { followUps, reviews, plans, amendment } = scenario.expectations.governance;
    const states = new Set(followUps.map((each) => `${each.status}/${each.creditAssessed}/${each.waived}`));
    expect([...states].sort()).toEqual(['closed/false/true', 'closed/true/false', 'open/false/false']);
    expect(followUps.filter((each) => each.waived)).toHaveLength(1);
    expect(new Set(reviews.map((each) => each.kind))).toEqual(
      new Set(['monthly-internal', 'semi-annual-customer', 'annual-agreement']),
    );
    expect(plans.filter((plan) => plan.overdue).map((plan) => plan.phase)).toEqual(['in-progress']);
    expect(plans.some((plan) => plan.phase === 'closed')).toBe(true);
    expect(amendment.agreementId).toBe('berlin-sla');
    // Every step is dated within the demo year, after the facts it reads (the month's facts are sent first).
    const governanceSteps = scenario.steps.filter((step) =>
      ['follow-ups', 'reviews', 'improvement-plans'].includes(step.phase),
    );
    expect(governanceSteps.every((step) => step.occurredAt < '2027-01-01')).toBe(true);
    // The body's own occurredAt is the step's.
    for (const step of governanceSteps) {
      const body = step.body as { occurredAt?: string; data?: { occurredAt?: string } };
      expect(body.occurredAt ?? body.data?.occurredAt).toBe(step.occurredAt);
    }
  });
});
