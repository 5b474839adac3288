import type { DemoContext, DemoContribution, DemoCustomer, TicketExpectation } from '../demo-scenario';
import type { DemoLookup, DemoStep, JsonPattern } from '../demo-step';

/** What the governance module built on purpose: follow-up states per breach, reviews, plans and their phases. */
export type GovernanceExpectations = {
  readonly followUps: readonly {
    readonly ticketId: string;
    readonly agreementId: string;
    readonly status: 'open' | 'closed';
    readonly creditAssessed: boolean;
    readonly waived: boolean;
  }[];
  readonly reviews: readonly {
    readonly reviewId: string;
    readonly kind: ReviewKind;
    readonly agreementIds: readonly string[];
  }[];
  readonly plans: readonly {
    readonly planId: string;
    readonly agreementId: string;
    readonly reviewId: string;
    readonly phase: 'closed' | 'in-progress';
    readonly overdue: boolean;
  }[];
  /** The amendment draft a review decision opened. */
  readonly amendment: { readonly agreementId: string; readonly changeRequest: string; readonly reviewId: string };
};

type ReviewKind = 'monthly-internal' | 'semi-annual-customer' | 'annual-agreement';

const DAY = 24 * 60 * 60 * 1000;
const SERVICE_LEVEL_MANAGER = 'slm.alice';
const SERVICE_DESK_LEAD = 'desk.lead.omar';
const APPROVER = 'it.director.maria';
/** The customer whose annual review asks for an amendment (its own amendment is done by mid-year). */
const AMENDED_BY_REVIEW = 'berlin';
/** The customer whose first customer review opens the plan that is left overdue. */
const OVERDUE_CUSTOMER = 'berlin';

const iso = (instant: number) => new Date(instant).toISOString();
const utc = (year: number, month: number, day: number, hour = 0) => Date.UTC(year, month - 1, day, hour);
const pad = (value: number) => String(value).padStart(2, '0');

/**
 * Breach follow-ups, review meetings and the improvement plans their decisions open, as the service level manager
 * records them through the API: a follow-up for the first deliberately breached resolution of each customer and
 * month; a monthly internal review of each month but the last (held early the next month); customer reviews; annual
 * reviews, one of which drafts an amendment; every plan through plan-do-check-act but one left overdue.
 */
export function governanceScenario(context: DemoContext): DemoContribution {
  const steps: DemoStep[] = [];
  const followUps = breachFollowUps(context, steps);
  const { reviews, plans, amendment } = reviewsAndPlans(context, steps);
  const governance: GovernanceExpectations = { followUps, reviews, plans, amendment };
  return { steps, expectations: { governance } };
}

function breachFollowUps(context: DemoContext, steps: DemoStep[]): GovernanceExpectations['followUps'][number][] {
  const yearEnd = utc(context.year + 1, 1, 1);
  const closedAtOf = new Map(
    context.tickets.map((ticket) => [
      ticket.ticketId,
      Math.max(...ticket.facts.map((fact) => Date.parse(String(fact.data.occurredAt)))),
    ]),
  );
  // The first deliberately breached resolution of each customer and month, followed up the day after it closed.
  const chosen: { ticket: TicketExpectation; customer: DemoCustomer; startAt: number }[] = [];
  for (const customer of context.customers) {
    for (let month = 1; month <= context.months; month += 1) {
      const period = `${context.year}-${pad(month)}`;
      const ticket = context.ticketExpectations.find(
        (candidate) =>
          candidate.agreementId === customer.agreementId &&
          candidate.period === period &&
          candidate.resolution === 'breached' &&
          closedAtOf.get(candidate.ticketId)! + 6 * DAY < yearEnd,
      );
      if (ticket) chosen.push({ ticket, customer, startAt: closedAtOf.get(ticket.ticketId)! + DAY });
    }
  }
  chosen.sort((left, right) => left.startAt - right.startAt);

  return chosen.map(({ ticket, customer, startAt }, index) => {
    // The second follow-up carries the customer's waiver; the last is still open (root cause known, no remediation).
    const variant = index === chosen.length - 1 ? 'open' : index === 1 ? 'waiver' : 'full';
    const { ticketId, agreementId } = ticket;
    const lookups: DemoLookup[] = [
      {
        name: 'breach',
        path:
          `/compliance/breaches?agreementId=${agreementId}&ticketId=${ticketId}&metric=resolution` +
          `&from=${iso(utc(context.year, 1, 1))}&to=${iso(utc(context.year + 1, 2, 1))}`,
        // The OLAs underpinning the SLA measure the same ticket: the SLA's breach is the one followed up.
        find: { agreementId, ticketId, metric: 'resolution' },
        pick: 'eventId',
      },
    ];
    const followUpPath = `/compliance/follow-ups?status=all&agreementId=${agreementId}&ticketId=${ticketId}&metric=resolution`;
    const step = (at: number, type: string, data: Record<string, unknown>, shows: JsonPattern): DemoStep => ({
      phase: 'follow-ups',
      occurredAt: iso(at),
      method: 'POST',
      path: '/compliance/breaches/{breach}/follow-up',
      body: { type, data: { ...data, occurredAt: iso(at) } },
      actor: SERVICE_LEVEL_MANAGER,
      lookups,
      doneWhen: { path: followUpPath, matches: { items: [{ breachEventId: '{breach}', ...(shows as object) }] } },
    });
    const notification = { channel: 'e-mail', recipient: `service-manager@${customer.key}.example` };
    const rootCause = `${ticketId}: the fix waited for a supplier part; the queue was not escalated in time`;
    steps.push(
      step(startAt, 'BreachCustomerNotified', { ...notification, reference: `BN-${ticketId}` }, { notification }),
      step(startAt + DAY, 'BreachRootCauseRecorded', { rootCause }, { rootCause }),
    );
    if (variant === 'full') {
      const rationale = 'The agreement carries no service credit terms: no credit is due';
      steps.push(
        step(
          startAt + 2 * DAY,
          'BreachServiceCreditAssessed',
          { termIndex: null, rationale },
          { credit: { rationale } },
        ),
      );
    }
    if (variant === 'waiver') {
      const waiver = {
        approvedBy: `${customer.name} service manager`,
        reason: 'Resolution waited on a change freeze the customer asked for',
      };
      steps.push(step(startAt + 2 * DAY, 'BreachWaiverRecorded', waiver, { waiver }));
    }
    if (variant !== 'open') {
      const report = `${ticketId}: supplier parts are now kept on site; escalation after half the resolution target`;
      steps.push(step(startAt + 4 * DAY, 'BreachRemediationReported', { report }, { remediation: report }));
    }
    return {
      ticketId,
      agreementId,
      status: variant === 'open' ? 'open' : 'closed',
      creditAssessed: variant === 'full',
      waived: variant === 'waiver',
    };
  });
}

type Decision =
  | { decisionId: string; agreementId: string; outcome: 'accept'; rationale: string }
  | {
      decisionId: string;
      agreementId: string;
      outcome: 'improvement-required';
      rationale: string;
      improvement: { planId: string; item: string; requirement: string };
    }
  | {
      decisionId: string;
      agreementId: string;
      outcome: 'agreement-change-required';
      rationale: string;
      amendment: { changeRequest: string; effectiveFrom: string };
    };

function reviewsAndPlans(context: DemoContext, steps: DemoStep[]) {
  const { year, customers } = context;
  const small = context.size === 'small';
  const reviews: GovernanceExpectations['reviews'][number][] = [];
  const plans: GovernanceExpectations['plans'][number][] = [];
  let amendment: GovernanceExpectations['amendment'] | undefined;
  const breachesOf = (agreementId: string, periods: readonly string[]) =>
    context.ticketExpectations.filter(
      (ticket) =>
        ticket.agreementId === agreementId && periods.includes(ticket.period) && ticket.resolution === 'breached',
    ).length;
  const monthsBetween = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, index) => `${year}-${pad(from + index)}`);

  const review = (
    reviewId: string,
    kind: ReviewKind,
    agreementIds: readonly string[],
    period: { from: number; to: number },
    heldAt: number,
    attendees: readonly { name: string; role: string; party: string }[],
    minutes: string,
    decisions: readonly Decision[],
  ) => {
    reviews.push({ reviewId, kind, agreementIds });
    steps.push({
      phase: 'reviews',
      occurredAt: iso(heldAt - 5 * DAY),
      method: 'POST',
      path: '/reviews',
      body: {
        reviewId,
        kind,
        agreementIds,
        periodFrom: iso(period.from),
        periodTo: iso(period.to),
        scheduledFor: iso(heldAt),
        occurredAt: iso(heldAt - 5 * DAY),
      },
      actor: SERVICE_LEVEL_MANAGER,
      doneWhen: { path: `/reviews/${reviewId}`, matches: { reviewId } },
    });
    // Done once held and its follow-up (a plan or an amendment draft, at most one per review) shows.
    const opened = decisions.find((decision) => decision.outcome !== 'accept');
    const doneWhen: DemoStep['doneWhen'] =
      opened?.outcome === 'improvement-required'
        ? { path: `/improvement-plans/${opened.improvement.planId}`, matches: { reviewId } }
        : opened?.outcome === 'agreement-change-required'
          ? {
              path: `/agreements/${opened.agreementId}`,
              matches: { versions: [{ changeRequest: opened.amendment.changeRequest }] },
            }
          : { path: `/reviews/${reviewId}`, matches: { status: 'held' } };
    steps.push({
      phase: 'reviews',
      occurredAt: iso(heldAt),
      method: 'POST',
      path: `/reviews/${reviewId}/minutes`,
      body: { heldAt: iso(heldAt), attendees, minutes, decisions, occurredAt: iso(heldAt) },
      actor: SERVICE_LEVEL_MANAGER,
      doneWhen,
    });
    for (const decision of decisions) {
      if (decision.outcome === 'improvement-required') {
        const overdue = kind === 'semi-annual-customer';
        planSteps(decision.improvement.planId, heldAt, overdue, steps);
        plans.push({
          planId: decision.improvement.planId,
          agreementId: decision.agreementId,
          reviewId,
          phase: overdue ? 'in-progress' : 'closed',
          overdue,
        });
      }
      if (decision.outcome === 'agreement-change-required') {
        amendment = { agreementId: decision.agreementId, changeRequest: decision.amendment.changeRequest, reviewId };
      }
    }
  };

  const internalAttendees = [
    { name: 'Alice Chen', role: 'Service level manager', party: 'provider' },
    { name: 'Omar Haddad', role: 'Service desk lead', party: 'internal' },
    { name: 'Maria Rossi', role: 'IT director', party: 'internal' },
  ];

  // Monthly internal reviews: each month but the last of the span, held on the 6th of the next; the agreement with
  // the most breached resolutions that month gets an improvement plan.
  for (let month = 1; month < context.months; month += 1) {
    const period = `${year}-${pad(month)}`;
    const counts = customers.map((customer) => breachesOf(customer.agreementId, [period]));
    const worst = counts.indexOf(Math.max(...counts));
    const decisions: Decision[] = customers.map((customer, index) => {
      const rationale = `${counts[index]} breached resolution(s) in ${period}`;
      return index === worst
        ? {
            decisionId: `${customer.key}-resolution`,
            agreementId: customer.agreementId,
            outcome: 'improvement-required',
            rationale: `${rationale}: the most of all customers`,
            improvement: {
              planId: `plan-${period}-${customer.key}`,
              item: `Resolution times of ${customer.name}`,
              requirement: 'Escalate every ticket at half its resolution target; no breach for want of a part',
            },
          }
        : { decisionId: `${customer.key}-accept`, agreementId: customer.agreementId, outcome: 'accept', rationale };
    });
    review(
      `monthly-${period}`,
      'monthly-internal',
      customers.map((customer) => customer.agreementId),
      { from: utc(year, month, 1), to: utc(year, month + 1, 1) },
      utc(year, month + 1, 6, 9),
      internalAttendees,
      `Monthly service review of ${period}: breaches, availability and open follow-ups walked through per customer`,
      decisions,
    );
  }

  // Customer reviews: in a small span one round in February on January; in a year, the first half in July and the
  // second in December. The first round opens a plan with one customer, left overdue.
  const rounds = small
    ? [{ name: `${year}-01`, from: 1, to: 2, held: utc(year, 2, 12, 9) }]
    : [
        { name: `${year}-h1`, from: 1, to: 7, held: utc(year, 7, 9, 9) },
        { name: `${year}-h2`, from: 7, to: 12, held: utc(year, 12, 10, 9) },
      ];
  for (const [roundIndex, round] of rounds.entries()) {
    for (const [customerIndex, customer] of customers.entries()) {
      const periods = monthsBetween(round.from, round.to);
      const rationale = `${breachesOf(customer.agreementId, periods)} breached resolution(s) from ${periods[0]} to ${periods.at(-1)}`;
      const decision: Decision =
        roundIndex === 0 && customer.key === OVERDUE_CUSTOMER
          ? {
              decisionId: 'reporting',
              agreementId: customer.agreementId,
              outcome: 'improvement-required',
              rationale: `${rationale}; the customer asks for breach notices with the root cause`,
              improvement: {
                planId: `plan-customer-${round.name}-${customer.key}`,
                item: 'Breach notices to the customer',
                requirement: 'Every breach notice names the root cause known so far and the next step',
              },
            }
          : { decisionId: 'accept', agreementId: customer.agreementId, outcome: 'accept', rationale };
      review(
        `customer-${round.name}-${customer.key}`,
        'semi-annual-customer',
        [customer.agreementId],
        { from: utc(year, round.from, 1), to: utc(year, round.to, 1) },
        round.held + customerIndex * DAY,
        [
          { name: 'Alice Chen', role: 'Service level manager', party: 'provider' },
          { name: `${customer.name} service manager`, role: 'Customer service manager', party: 'customer' },
        ],
        `Customer service review with ${customer.name}: figures of the period, complaints, follow-ups and plans`,
        [decision],
      );
    }
  }

  // Annual reviews of each SLA (in a small span only the amended one, at the end of February): one decision asks for
  // an amendment under change control, which the review drafts.
  const annualHeld = small ? utc(year, 2, 26, 9) : utc(year, 11, 23, 9);
  const annualTo = small ? annualHeld : utc(year, 11, 1);
  for (const [customerIndex, customer] of customers.entries()) {
    if (small && customer.key !== AMENDED_BY_REVIEW) continue;
    const decision: Decision =
      customer.key === AMENDED_BY_REVIEW
        ? {
            decisionId: 'amend-targets',
            agreementId: customer.agreementId,
            outcome: 'agreement-change-required',
            rationale: 'The warehouse now runs a night shift: the agreement is to be reviewed under change control',
            amendment: {
              changeRequest: `CR-${year}-REVIEW-${customer.key.toUpperCase()}`,
              effectiveFrom: iso(small ? utc(year, 4, 1) : utc(year, 12, 1)),
            },
          }
        : {
            decisionId: 'accept',
            agreementId: customer.agreementId,
            outcome: 'accept',
            rationale: 'Targets and services still fit the business',
          };
    review(
      `annual-${year}-${customer.key}`,
      'annual-agreement',
      [customer.agreementId],
      { from: utc(year, 1, 1), to: annualTo },
      annualHeld + customerIndex * DAY,
      [...internalAttendees, { name: `${customer.name} purchasing`, role: 'Head of purchasing', party: 'customer' }],
      `Annual review of ${customer.agreementId}: whether its services, targets and terms still fit`,
      [decision],
    );
  }
  return { reviews, plans, amendment: amendment! };
}

/** Plan, do, check, act: or, for the overdue plan, planned and started but not finished by its due date. */
function planSteps(planId: string, openedAt: number, overdue: boolean, steps: DemoStep[]): void {
  const path = `/improvement-plans/${planId}`;
  const step = (
    at: number,
    action: string,
    body: Record<string, unknown>,
    matches: JsonPattern,
    actor = SERVICE_LEVEL_MANAGER,
  ): DemoStep => ({
    phase: 'improvement-plans',
    occurredAt: iso(at),
    method: 'POST',
    path: `${path}/${action}`,
    body: { ...body, occurredAt: iso(at) },
    actor,
    doneWhen: { path, matches },
  });
  const approach = overdue
    ? 'Add the root cause and next step to the breach notice template; train the service desk'
    : 'Escalation rule at half the resolution target; spare parts kept on site for the most common failures';
  const owner = 'Omar Haddad';
  const note = overdue ? 'Template drafted; training not yet scheduled' : 'Escalation rule live; parts stocked';
  const percentComplete = overdue ? 40 : 100;
  steps.push(
    step(
      openedAt + DAY,
      'details',
      { approach, owner, dueAt: iso(openedAt + (overdue ? 10 : 30) * DAY), resources: 'Service desk, 3 days' },
      { approach, owner },
    ),
    step(openedAt + 2 * DAY, 'approval', {}, { approvedBy: APPROVER }, APPROVER),
    step(
      openedAt + 5 * DAY,
      'progress',
      { note, percentComplete },
      { lastNote: note, percentComplete },
      SERVICE_DESK_LEAD,
    ),
  );
  if (overdue) return;
  const evidence = 'No resolution breach for want of escalation in the two weeks since';
  const outcome = 'Escalation rule kept as standard practice';
  steps.push(
    step(openedAt + 14 * DAY, 'effectiveness-review', { effective: true, evidence }, { effective: true, evidence }),
    step(openedAt + 16 * DAY, 'closure', { outcome }, { phase: 'closed', outcome }),
  );
}
