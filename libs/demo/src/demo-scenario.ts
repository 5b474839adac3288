import { Temporal } from 'temporal-polyfill';
import {
  BusinessCalendar,
  hours,
  minutes,
  referenceTargetTable,
  type CalendarDefinition,
  type Instant,
  type Priority,
  type TargetDuration,
} from '@sla/sla-clock';
import { seededRandom, type Random } from './seeded-random';
import type { DemoStep } from './demo-step';
import { agreementsModule, type AgreementsExpectations } from './scenario/agreements';
import { downtimeShare, UNDERPINNING_AVAILABILITY_PERCENTAGE } from './scenario/downtime-budget';
import { governanceScenario, type GovernanceExpectations } from './scenario/governance';
import { operationsScenario, type OperationsExpectations } from './scenario/operations';
import { reportsScenario, type ReportsExpectations } from './scenario/reports';

export type DemoSize = 'small' | 'year';
export const DEMO_SIZES: readonly DemoSize[] = ['small', 'year'];

/** One delivery of an operations fact, exactly as `POST /tickets/{id}/facts` and `/outages/{id}/facts` take it. */
export type FactDelivery = {
  readonly source: string;
  readonly externalId: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  /**
   * When the tool sent it, if not as it happened: a late fact (sent months after `data.occurredAt`) is delivered
   * with the facts of that month; the loader does not send this field.
   */
  readonly deliveredAt?: string;
};

export type DemoCalendar = { readonly definition: CalendarDefinition; readonly occurredAt: string };

export type DemoService = {
  readonly serviceId: string;
  readonly name: string;
  readonly description: string;
  readonly owner: { readonly name: string; readonly email: string };
  readonly contactPoint: string;
  readonly calendarId: string;
  readonly changeRequest: string;
  readonly occurredAt: string;
  readonly activatedAt: string;
};

export type DemoSignature = {
  readonly party: 'provider' | 'counterparty';
  readonly actor: string;
  readonly signatory: { readonly name: string; readonly title: string };
  readonly occurredAt: string;
};

/** An SLA drafted from the shipped template (`POST /agreements` with `template`), submitted and signed by both. */
export type DemoAgreement = {
  readonly agreementId: string;
  readonly kind: 'SLA';
  readonly provider: { readonly name: string };
  readonly counterparty: { readonly name: string };
  readonly template: {
    readonly title: string;
    readonly services: readonly string[];
    readonly tier: 'basic' | 'standard' | 'advanced' | 'exceptional';
    readonly calendars: { readonly roundTheClock: string; readonly businessHours: string };
    readonly effectiveFrom: string;
    readonly expiresAt: string;
  };
  readonly draftedAt: string;
  readonly submittedAt: string;
  /** No OLAs or UCs underpin these SLAs yet: both parties accept that risk when signing. */
  readonly riskAcceptance: { readonly reason: string };
  readonly signatures: readonly DemoSignature[];
};

export type DemoTicket = { readonly ticketId: string; readonly facts: readonly FactDelivery[] };
export type DemoOutage = { readonly outageId: string; readonly facts: readonly FactDelivery[] };
/** Facts of a planned maintenance window, as `POST /maintenance-windows/{id}/facts` takes them. */
export type DemoMaintenanceWindow = { readonly windowId: string; readonly facts: readonly FactDelivery[] };

export type ClockOutcome = 'met' | 'breached';

/** What the generator built on purpose, so a test can compare the product's figures with it. */
export type TicketExpectation = {
  readonly ticketId: string;
  readonly agreementId: string;
  /** `YYYY-MM` in which the ticket opened, in the customer's time zone. */
  readonly period: string;
  readonly priority: Priority;
  readonly response: ClockOutcome;
  readonly resolution: ClockOutcome;
};

export type AvailabilityExpectation = {
  readonly agreementId: string;
  readonly serviceId: string;
  /** `YYYY-MM` in the customer's time zone. */
  readonly period: string;
  readonly timeZone: string;
  readonly calendarId: string;
  readonly agreedMilliseconds: number;
  readonly downtimeMilliseconds: number;
};

export type DemoScenario = {
  readonly seed: number;
  readonly size: DemoSize;
  readonly calendars: readonly DemoCalendar[];
  readonly services: readonly DemoService[];
  readonly agreements: readonly DemoAgreement[];
  readonly tickets: readonly DemoTicket[];
  readonly outages: readonly DemoOutage[];
  readonly maintenance: readonly DemoMaintenanceWindow[];
  /** Governance writes (underpinning, changes, follow-ups, reviews, plans, reports), in the order they are sent. */
  readonly steps: readonly DemoStep[];
  readonly expectations: DemoExpectations;
};

export type DemoExpectations = {
  /** Tickets opened per `YYYY-MM` (in the customer's zone). */
  readonly ticketsPerMonth: Readonly<Record<string, number>>;
  readonly tickets: readonly TicketExpectation[];
  readonly availability: readonly AvailabilityExpectation[];
  /** Underpinning OLAs/UCs, the accepted gap, the amendment's versions in force, the termination and the renewal. */
  readonly agreements: AgreementsExpectations;
  /** Breach follow-ups, reviews and improvement plans (scenario/governance.ts). */
  readonly governance: GovernanceExpectations;
  /** Maintenance, Alertmanager, partial, late and redelivered outages (scenario/operations.ts). */
  readonly operations: OperationsExpectations;
  /** Report definitions, monthly reports (one late), the restated month, the timeliness KPI (scenario/reports.ts). */
  readonly reports: ReportsExpectations;
};

/** A customer as the scenario set it up, for the modules that build on it. */
export type DemoCustomer = {
  readonly key: string;
  readonly name: string;
  readonly timeZone: string;
  readonly agreementId: string;
  readonly serviceIds: readonly string[];
  readonly calendars: { readonly roundTheClock: string; readonly businessHours: string };
  readonly businessCalendar: BusinessCalendar;
  readonly roundTheClockCalendar: BusinessCalendar;
  /** The template its SLA (version 1) was drafted from, so a module can build an amendment of that content. */
  readonly template: DemoAgreement['template'];
};

/** What every scenario module is given: the set-up, the tickets built so far, and a random stream of its own. */
export type DemoContext = {
  readonly year: number;
  readonly size: DemoSize;
  /** How many months of the year the size covers, from January. */
  readonly months: number;
  readonly customers: readonly DemoCustomer[];
  readonly tickets: readonly DemoTicket[];
  readonly ticketExpectations: readonly TicketExpectation[];
  readonly availability: readonly AvailabilityExpectation[];
  /** The outages built so far (one full outage per service and month). */
  readonly outages: readonly DemoOutage[];
  /**
   * A random stream for one module, derived from the seed and the module's name: a module's output does not change
   * when another module draws more or fewer numbers.
   */
  readonly randomFor: (module: string) => Random;
};

/** What a scenario module adds. */
export type DemoContribution = {
  readonly steps?: readonly DemoStep[];
  readonly tickets?: readonly DemoTicket[];
  readonly outages?: readonly DemoOutage[];
  readonly maintenance?: readonly DemoMaintenanceWindow[];
  readonly expectations?: Partial<DemoExpectations>;
};

/** The scenario modules, each in its own file; they run in this order, and their steps are sent in time order. */
const SCENARIO_MODULES: readonly ((context: DemoContext) => DemoContribution)[] = [
  agreementsModule,
  operationsScenario,
  governanceScenario,
  reportsScenario,
];

export type DemoInputs = {
  readonly seed: number;
  readonly size: DemoSize;
  /** The shipped `libs/sla-clock/data/cn-2026-business-hours.calendar.json`, read by the caller (no I/O here). */
  readonly chinaBusinessHours: CalendarDefinition;
};

/** How much of 2026 a size covers and how busy an ordinary weekday is per customer. */
const SIZE_PLANS: Record<DemoSize, { readonly months: number; readonly ticketsPerWeekday: number }> = {
  small: { months: 2, ticketsPerWeekday: 2.5 },
  // ~50,000 tickets: 3 customers x ~250 working days x ~1.05 (Monday peaks, weekend trickle) x 63.
  year: { months: 12, ticketsPerWeekday: 63 },
};

const DEMO_YEAR = 2026;
const FACT_SOURCE = 'demo-servicedesk';
const OUTAGE_SOURCE = 'demo-monitoring';

type CustomerPlan = {
  readonly key: string;
  readonly name: string;
  readonly timeZone: string;
  readonly tier: DemoAgreement['template']['tier'];
  readonly services: readonly [serviceId: string, name: string, owner: string][];
  readonly businessHours: (chinaBusinessHours: CalendarDefinition) => CalendarDefinition;
};

const weekdays = (window: string) =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [window]])) as Record<string, string[]>;

const CUSTOMERS: readonly CustomerPlan[] = [
  {
    key: 'shanghai',
    name: 'Huadong Manufacturing (Shanghai)',
    timeZone: 'Asia/Shanghai',
    tier: 'standard',
    services: [
      ['sh-email', 'Corporate e-mail (Shanghai)', 'Li Wei'],
      ['sh-erp', 'ERP production planning', 'Zhang Min'],
      ['sh-vpn', 'Remote access VPN (Shanghai)', 'Li Wei'],
      ['sh-mes', 'Manufacturing execution system', 'Wang Fang'],
    ],
    // The official 2026 schedule with its make-up working days, as shipped.
    businessHours: (china) => ({ ...china, id: 'shanghai-business-hours' }),
  },
  {
    key: 'berlin',
    name: 'Spree Logistik GmbH (Berlin)',
    timeZone: 'Europe/Berlin',
    tier: 'advanced',
    services: [
      ['be-email', 'Corporate e-mail (Berlin)', 'Jonas Weber'],
      ['be-warehouse', 'Warehouse management', 'Anna Schulz'],
      ['be-portal', 'Customer shipment portal', 'Jonas Weber'],
      ['be-telephony', 'Cloud telephony', 'Lena Fischer'],
    ],
    businessHours: () => ({
      id: 'berlin-business-hours',
      name: 'Berlin office hours (Mon-Fri 08:00-18:00, Berlin public holidays)',
      timeZone: 'Europe/Berlin',
      versions: [
        {
          weeklyWindows: weekdays('08:00-18:00'),
          holidays: { national: { country: 'DE', subdivision: 'BE' }, dates: [] },
          extraWorkingDays: [],
        },
      ],
    }),
  },
  {
    key: 'newyork',
    name: 'Hudson Retail Inc. (New York)',
    timeZone: 'America/New_York',
    tier: 'basic',
    services: [
      ['ny-email', 'Corporate e-mail (New York)', 'Emily Carter'],
      ['ny-pos', 'Point of sale', 'Michael Brooks'],
      ['ny-ecommerce', 'Online store', 'Emily Carter'],
      ['ny-payroll', 'Payroll', 'Sarah Nguyen'],
    ],
    businessHours: () => ({
      id: 'newyork-business-hours',
      name: 'New York office hours (Mon-Fri 09:00-17:00, New York public holidays)',
      timeZone: 'America/New_York',
      versions: [
        {
          weeklyWindows: weekdays('09:00-17:00'),
          holidays: { national: { country: 'US', subdivision: 'NY' }, dates: [] },
          extraWorkingDays: [],
        },
      ],
    }),
  },
];

const PRIORITY_MIX: readonly (readonly [Priority, number])[] = [
  ['P1', 3],
  ['P2', 12],
  ['P3', 50],
  ['P4', 35],
];
const TICKET_TYPE_MIX: readonly (readonly ['incident' | 'service-request' | 'complaint', number])[] = [
  ['incident', 60],
  ['service-request', 36],
  ['complaint', 4],
];
/** Arrivals relative to an ordinary working day: the Monday peak, a quieter Friday, the trickle of a day off. */
const MONDAY_WEIGHT = 1.45;
const FRIDAY_WEIGHT = 0.85;
const DAY_OFF_WEIGHT = 0.1;
/** Share of tickets whose clock is deliberately breached ("a few per cent"). */
const BREACH_PROBABILITY = { response: 0.03, resolution: 0.05 };

const iso = (instant: Instant) => new Date(instant).toISOString();
const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The demo's whole scenario, from a seed: the same seed and size give the same output, value for value, on every
 * machine (no wall clock, no locale, no Math.random). Everything is ordered as it is to be delivered.
 */
export function generateDemoScenario(inputs: DemoInputs): DemoScenario {
  const random = seededRandom(inputs.seed);
  const plan = SIZE_PLANS[inputs.size];
  const calendars: DemoCalendar[] = [];
  const services: DemoService[] = [];
  const agreements: DemoAgreement[] = [];
  const tickets: (DemoTicket & { openedAt: Instant })[] = [];
  const outages: DemoOutage[] = [];
  const ticketsPerMonth: Record<string, number> = {};
  const ticketExpectations: TicketExpectation[] = [];
  const availability: AvailabilityExpectation[] = [];
  const customers: DemoCustomer[] = [];

  for (const [customerIndex, customer] of CUSTOMERS.entries()) {
    const roundTheClock: CalendarDefinition = {
      id: `${customer.key}-24x7`,
      name: `${customer.name}: round the clock`,
      timeZone: customer.timeZone,
      versions: [{ weeklyWindows: '24x7', extraWorkingDays: [] }],
    };
    const businessHours = customer.businessHours(inputs.chinaBusinessHours);
    // Set up in the first weeks of December 2025, one customer after the other, so every fact follows the last.
    const setUpDay = Temporal.PlainDate.from({ year: DEMO_YEAR - 1, month: 12, day: 1 + customerIndex * 3 });
    const at = (dayOffset: number, hour: number) =>
      iso(
        setUpDay.add({ days: dayOffset }).toPlainDateTime({ hour }).toZonedDateTime(customer.timeZone)
          .epochMilliseconds,
      );
    calendars.push(
      { definition: roundTheClock, occurredAt: at(0, 9) },
      { definition: businessHours, occurredAt: at(0, 10) },
    );
    for (const [serviceIndex, [serviceId, name, owner]] of customer.services.entries()) {
      services.push({
        serviceId,
        name,
        description: `${name} for ${customer.name}`,
        owner: { name: owner, email: `${owner.toLowerCase().replace(/[^a-z]+/g, '.')}@it-services.example` },
        contactPoint: `Service desk ${customer.key}, +1 555 0100 ext. ${100 + customerIndex * 10 + serviceIndex}`,
        calendarId: businessHours.id,
        changeRequest: `CR-2025-${pad(customerIndex + 1)}${pad(serviceIndex + 1)}`,
        occurredAt: at(0, 11 + serviceIndex),
        activatedAt: at(1, 9 + serviceIndex),
      });
    }
    const agreementId = `${customer.key}-sla`;
    const effectiveFrom = Temporal.PlainDate.from({ year: DEMO_YEAR, month: 1, day: 1 });
    const instantOf = (date: Temporal.PlainDate) =>
      iso(date.toPlainDateTime({ hour: 0 }).toZonedDateTime(customer.timeZone).epochMilliseconds);
    const template: DemoAgreement['template'] = {
      title: `${customer.name}: managed IT services`,
      services: customer.services.map(([serviceId]) => serviceId),
      tier: customer.tier,
      calendars: { roundTheClock: roundTheClock.id, businessHours: businessHours.id },
      effectiveFrom: instantOf(effectiveFrom),
      expiresAt: instantOf(effectiveFrom.add({ years: 1 })),
    };
    agreements.push({
      agreementId,
      kind: 'SLA',
      provider: { name: 'IT Services' },
      counterparty: { name: customer.name },
      template,
      draftedAt: at(2, 10),
      submittedAt: at(2, 15),
      riskAcceptance: { reason: 'Underpinning OLAs and UCs are negotiated during the first quarter' },
      signatures: [
        {
          party: 'provider',
          actor: 'slm.alice',
          signatory: { name: 'Alice Chen', title: 'Service level manager' },
          occurredAt: at(3, 10),
        },
        {
          party: 'counterparty',
          actor: `${customer.key}.buyer`,
          signatory: { name: `${customer.name} purchasing`, title: 'Head of purchasing' },
          occurredAt: at(3, 16),
        },
      ],
    });

    const calendarsById = new Map([
      [roundTheClock.id, new BusinessCalendar(roundTheClock)],
      [businessHours.id, new BusinessCalendar(businessHours)],
    ]);
    const targets = referenceTargetTable({ roundTheClock: roundTheClock.id, businessHours: businessHours.id });
    const deadline = (start: Instant, target: { duration: TargetDuration; calendarId: string }) => {
      const calendar = calendarsById.get(target.calendarId)!;
      const deadlineInstant =
        target.duration.unit === 'working-days'
          ? calendar.addWorkingDays(start, target.duration.amount)
          : calendar.instantWhenElapsed(
              start,
              target.duration.unit === 'business-hours'
                ? hours(target.duration.amount)
                : minutes(target.duration.amount),
            );
      return { calendar, budget: calendar.businessDuration(start, deadlineInstant!) };
    };
    // The instant at which the clock has used `fraction` of its budget: under 1 is met, over 1 breached.
    const clockStop = (start: Instant, target: { duration: TargetDuration; calendarId: string }, fraction: number) => {
      const { calendar, budget } = deadline(start, target);
      return calendar.instantWhenElapsed(start, Math.round(budget * fraction))!;
    };

    const businessCalendar = calendarsById.get(businessHours.id)!;
    const firstDay = Temporal.PlainDate.from({ year: DEMO_YEAR, month: 1, day: 1 });
    const endDay = firstDay.add({ months: plan.months });
    let sequence = 0;
    for (let day = firstDay; Temporal.PlainDate.compare(day, endDay) < 0; day = day.add({ days: 1 })) {
      const working = businessCalendar.isWorkingDay(day.toString());
      // Holidays and weekends see only a trickle (holiday troughs); make-up working days are ordinary working days.
      const weight = !working
        ? DAY_OFF_WEIGHT
        : day.dayOfWeek === 1
          ? MONDAY_WEIGHT
          : day.dayOfWeek === 5
            ? FRIDAY_WEIGHT
            : 1;
      const count = random.poisson(plan.ticketsPerWeekday * weight);
      const arrivals = Array.from({ length: count }, () => arrivalInstant(random, day, customer.timeZone, working));
      arrivals.sort((left, right) => left - right);
      for (const openedAt of arrivals) {
        sequence += 1;
        const ticketId = `DEMO-${customer.key.toUpperCase()}-${String(sequence).padStart(6, '0')}`;
        const priority = random.weighted(PRIORITY_MIX);
        const ticketType = random.weighted(TICKET_TYPE_MIX);
        const [serviceId, serviceName] = customer.services[random.integer(0, customer.services.length - 1)]!;
        const response: ClockOutcome = random.chance(BREACH_PROBABILITY.response) ? 'breached' : 'met';
        const resolution: ClockOutcome = random.chance(BREACH_PROBABILITY.resolution) ? 'breached' : 'met';
        const respondedAt = clockStop(
          openedAt,
          targets[priority].response,
          // A late response stays short enough (at most 1.5 of its target) not to push a met resolution past its own.
          response === 'met' ? 0.1 + random.next() * 0.6 : 1.3 + random.next() * 0.2,
        );
        const resolvedAt = Math.max(
          respondedAt + minutes(1),
          clockStop(
            openedAt,
            targets[priority].resolution,
            resolution === 'met' ? 0.2 + random.next() * 0.6 : 1.3 + random.next(),
          ),
        );
        const closedAt = resolvedAt + hours(random.integer(1, 48));
        const fact = (index: number, type: string, occurredAt: Instant, data: Record<string, unknown> = {}) => ({
          source: FACT_SOURCE,
          externalId: `${ticketId}-${index}`,
          type,
          data: { ...data, occurredAt: iso(occurredAt) },
        });
        const facts: FactDelivery[] = [
          fact(1, 'TicketOpened', openedAt, {
            ticketType,
            serviceId,
            priority,
            impact: priority === 'P1' ? 'high' : priority === 'P2' ? 'medium' : 'low',
            major: false,
            title: `${ticketType === 'service-request' ? 'Request' : 'Problem'} on ${serviceName}`,
          }),
          fact(2, 'TicketAcknowledged', respondedAt),
          fact(3, 'TicketAssigned', respondedAt + minutes(1), {
            assignee: `${customer.key}-team-${random.integer(1, 2)}`,
          }),
          fact(4, 'TicketResolved', resolvedAt, { resolution: 'fixed and confirmed with the caller' }),
        ];
        // A ticket takes no facts once closed: the caller's score arrives between resolution and closure.
        if (random.chance(0.3)) {
          facts.push(
            fact(5, 'CustomerSatisfactionRecorded', resolvedAt + minutes(30), { score: random.integer(2, 5) }),
          );
        }
        facts.push(fact(6, 'TicketClosed', closedAt));
        tickets.push({ ticketId, facts, openedAt });
        const month = Temporal.Instant.fromEpochMilliseconds(openedAt)
          .toZonedDateTimeISO(customer.timeZone)
          .toPlainDate()
          .toPlainYearMonth()
          .toString();
        ticketExpectations.push({ ticketId, agreementId, period: month, priority, response, resolution });
        ticketsPerMonth[month] = (ticketsPerMonth[month] ?? 0) + 1;
      }
    }

    // One full outage per service and month, at a random time, so availability differs per service and month.
    const roundTheClockCalendar = calendarsById.get(roundTheClock.id)!;
    customers.push({
      key: customer.key,
      name: customer.name,
      timeZone: customer.timeZone,
      agreementId,
      serviceIds: customer.services.map(([serviceId]) => serviceId),
      calendars: { roundTheClock: roundTheClock.id, businessHours: businessHours.id },
      businessCalendar,
      roundTheClockCalendar,
      template,
    });
    for (const [serviceId] of customer.services) {
      for (let month = 0; month < plan.months; month += 1) {
        const monthStart = firstDay.add({ months: month });
        const startOf = (date: Temporal.PlainDate) =>
          date.toPlainDateTime({ hour: 0 }).toZonedDateTime(customer.timeZone).epochMilliseconds;
        const from = startOf(monthStart);
        const to = startOf(monthStart.add({ months: 1 }));
        const startedAt = from + hours(random.integer(24, 24 * 26)) + minutes(random.integer(0, 59));
        // A short one, well inside even the strictest (underpinning) downtime budget: most months meet their targets.
        const endedAt = startedAt + downtimeShare(UNDERPINNING_AVAILABILITY_PERCENTAGE, 0.1 + random.next() * 0.3);
        const outageId = `demo-${serviceId}-${monthStart.toPlainYearMonth().toString()}`;
        const delivery = (suffix: string, type: string, occurredAt: Instant, data: Record<string, unknown> = {}) => ({
          source: OUTAGE_SOURCE,
          externalId: `${outageId}-${suffix}`,
          type,
          data: { ...data, occurredAt: iso(occurredAt) },
        });
        outages.push({
          outageId,
          facts: [
            delivery('start', 'OutageStarted', startedAt, { serviceId, impact: 'full' }),
            delivery('end', 'OutageEnded', endedAt),
          ],
        });
        availability.push({
          agreementId,
          serviceId,
          period: monthStart.toPlainYearMonth().toString(),
          timeZone: customer.timeZone,
          calendarId: roundTheClock.id,
          agreedMilliseconds: roundTheClockCalendar.businessDuration(from, to),
          downtimeMilliseconds: roundTheClockCalendar.businessDuration(startedAt, endedAt),
        });
      }
    }
  }

  // Delivered in the order the tool saw them open; ties (same millisecond, different customers) by id.
  tickets.sort((left, right) => left.openedAt - right.openedAt || (left.ticketId < right.ticketId ? -1 : 1));
  const context: DemoContext = {
    year: DEMO_YEAR,
    size: inputs.size,
    months: plan.months,
    customers,
    tickets,
    ticketExpectations,
    availability,
    outages,
    randomFor: (module) => seededRandom((inputs.seed ^ hashOf(module)) >>> 0),
  };
  const contributions = SCENARIO_MODULES.map((module) => module(context));
  const all = <Item>(pick: (contribution: DemoContribution) => readonly Item[] | undefined) =>
    contributions.flatMap((contribution) => pick(contribution) ?? []);
  const expectations: DemoExpectations = Object.assign(
    { ticketsPerMonth, tickets: ticketExpectations, availability },
    ...contributions.map((contribution) => contribution.expectations ?? {}),
  );
  return {
    seed: inputs.seed,
    size: inputs.size,
    calendars,
    services,
    agreements,
    tickets: [...tickets.map(({ ticketId, facts }) => ({ ticketId, facts })), ...all((each) => each.tickets)],
    outages: [...outages, ...all((each) => each.outages)],
    maintenance: all((each) => each.maintenance),
    // A stable sort: steps of one module at the same instant keep their order.
    steps: all((each) => each.steps).sort((left, right) => Date.parse(left.occurredAt) - Date.parse(right.occurredAt)),
    expectations,
  };
}

/** FNV-1a of a module's name: turns it into a 32-bit salt for the seed. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * When a ticket opens on `day`: on working days mostly in office hours (a morning and an early-afternoon peak),
 * some in the evening; on days off spread over the waking hours.
 */
function arrivalInstant(random: Random, day: Temporal.PlainDate, timeZone: string, working: boolean): Instant {
  const hour = working
    ? random.weighted<number>([
        [8, 6],
        [9, 12],
        [10, 14],
        [11, 12],
        [12, 6],
        [13, 10],
        [14, 12],
        [15, 10],
        [16, 8],
        [17, 4],
        [18, 2],
        [20, 2],
        [22, 1],
      ])
    : random.integer(7, 22);
  const time = Temporal.PlainTime.from({ hour, minute: random.integer(0, 59), second: random.integer(0, 59) });
  return day.toPlainDateTime(time).toZonedDateTime(timeZone).epochMilliseconds;
}

/** Every fact delivery of the scenario, counted. */
export function countDeliveries(scenario: DemoScenario): number {
  const facts = (records: readonly { facts: readonly unknown[] }[]) =>
    records.reduce((sum, record) => sum + record.facts.length, 0);
  return facts(scenario.tickets) + facts(scenario.outages) + facts(scenario.maintenance);
}
