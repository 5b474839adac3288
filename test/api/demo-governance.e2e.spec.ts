import { loadSmallDemo, SMALL_DEMO_NOW, smallDemoScenario } from '../support/demo';
import type { TestApi } from '../support/test-api';
import type { httpClient } from '../support';
import { Client } from 'pg';
import { loadDemo } from '../../apps/demo/src/load-demo';

/** The `small` demo's governance, read back over HTTP: breach follow-ups, reviews, improvement plans, the amendment. */
describe('npm run demo (small): governance', () => {
  let api: TestApi;
  let http: ReturnType<typeof httpClient>;
  const scenario = smallDemoScenario();
  const expected = scenario.expectations.governance;

  beforeAll(async () => {
    const demo = await loadSmallDemo('demo_governance', scenario);
    ({ api, http } = demo);
    const first = demo.summary;
    for (const phase of ['follow-ups', 'reviews', 'improvement-plans'] as const) {
      const steps = scenario.steps.filter((step) => step.phase === phase).length;
      expect({ phase, ...first.phases[phase] }).toEqual({ phase, added: steps, alreadyPresent: 0, notYetDue: 0 });
    }
  }, 600_000);
  afterAll(async () => api?.close());

  it('records each chosen breach follow-up as built: closed with a credit assessment, closed with a waiver, open', async () => {
    expect(expected.followUps.length).toBeGreaterThanOrEqual(3);
    for (const followUp of expected.followUps) {
      const page = (
        await http.get(
          `/compliance/follow-ups?status=all&agreementId=${followUp.agreementId}&ticketId=${followUp.ticketId}&metric=resolution`,
        )
      ).body;
      expect(page.items).toHaveLength(1);
      const [item] = page.items;
      expect({
        ticketId: item.ticketId,
        agreementId: item.agreementId,
        status: item.status,
        notified: item.notifiedAt !== null,
        rootCause: item.rootCause !== null,
        creditAssessed: item.credit !== null,
        waived: item.waiver !== null,
        remediated: item.remediation !== null,
      }).toEqual({
        ticketId: followUp.ticketId,
        agreementId: followUp.agreementId,
        status: followUp.status,
        notified: true,
        rootCause: true,
        creditAssessed: followUp.creditAssessed,
        waived: followUp.waived,
        remediated: followUp.status === 'closed',
      });
    }
  });

  it('holds every review of the scenario, of each kind', async () => {
    for (const kind of ['monthly-internal', 'semi-annual-customer', 'annual-agreement'] as const) {
      const page = (await http.get(`/reviews?kind=${kind}&limit=100`)).body;
      const wanted = expected.reviews.filter((review) => review.kind === kind);
      expect(wanted.length).toBeGreaterThan(0);
      expect(
        page.items
          .map((review: any) => ({
            reviewId: review.reviewId,
            status: review.status,
            agreementIds: review.agreementIds,
          }))
          .sort((left: any, right: any) => (left.reviewId < right.reviewId ? -1 : 1)),
      ).toEqual(
        wanted
          .map(({ reviewId, agreementIds }) => ({ reviewId, status: 'held', agreementIds }))
          .sort((left, right) => (left.reviewId < right.reviewId ? -1 : 1)),
      );
    }
  });

  it('takes the plans the decisions opened through plan-do-check-act, one left overdue', async () => {
    expect(expected.plans.some((plan) => plan.phase === 'closed')).toBe(true);
    for (const plan of expected.plans) {
      const found = (await http.get(`/improvement-plans/${plan.planId}`)).body;
      expect({
        planId: found.planId,
        agreementId: found.agreementId,
        reviewId: found.reviewId,
        phase: found.phase,
        overdue: found.overdue,
        approved: found.approvedBy !== null,
      }).toEqual({ ...plan, approved: true });
    }
    const overdue = (await http.get('/improvement-plans?overdue=true&limit=100')).body;
    expect(overdue.items.map((plan: any) => plan.planId)).toEqual(
      expected.plans.filter((plan) => plan.overdue).map((plan) => plan.planId),
    );
  });

  it('drafts the amendment the annual review asked for', async () => {
    const agreement = (await http.get(`/agreements/${expected.amendment.agreementId}`)).body;
    const draft = agreement.versions.find((version: any) => version.changeRequest === expected.amendment.changeRequest);
    expect(draft.status).toBe('draft');
  });

  it('adds nothing when loaded a second time: no step sent, no event in the governance streams', async () => {
    const before = await governanceEvents();
    expect(before).toBeGreaterThan(0);
    const second = await loadDemo({ baseUrl: api.baseUrl, scenario, now: SMALL_DEMO_NOW });
    expect(second.added).toBe(0);
    expect(await governanceEvents()).toBe(before);
  }, 600_000);

  /** Events of the streams the governance steps and their follow-ups write (the SLA watch writes none of them). */
  async function governanceEvents(): Promise<number> {
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      const sql = `select count(*)::int as count from event_store.events
        where split_part(stream_name, '-', 1) in ('review', 'improvement_plan', 'breach_follow_up', 'agreement')`;
      return (await client.query(sql)).rows[0].count;
    } finally {
      await client.end();
    }
  }
});
