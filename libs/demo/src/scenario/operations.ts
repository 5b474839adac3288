import { Temporal } from 'temporal-polyfill';
import { AVAILABILITY_TIERS } from '@sla/agreements-domain';
import { minutes, type Instant } from '@sla/sla-clock';
import type {
  AvailabilityExpectation,
  DemoContext,
  DemoContribution,
  DemoCustomer,
  DemoMaintenanceWindow,
  DemoOutage,
  FactDelivery,
} from '../demo-scenario';
import type { DemoStep } from '../demo-step';
import { downtimeShare, UNDERPINNING_AVAILABILITY_PERCENTAGE } from './downtime-budget';

/**
 * Operations content of the demo: planned maintenance (a recurring window per service on the second Saturday
 * night), outages delivered as Alertmanager webhooks, partial outages with an impact weight, late and out-of-order
 * facts, and redeliveries. The availability expectations are recomputed here with every outage of the scenario,
 * so the figures a test compares include partial and maintenance effects.
 */

/** The labels the demo's monitoring puts on its alerts, mapped to services (`ALERTMANAGER_MAPPING_FILE`). */
export type DemoAlertRule = {
  readonly match: Readonly<Record<string, string>>;
  readonly serviceId: string;
  readonly impact: 'full' | 'partial';
  readonly weight?: number;
};

/** What an Alertmanager "degraded" alert costs: half the service. */
const DEGRADED_WEIGHT = 0.5;
const ALERT_RECEIVER = 'sla-engine';
const MONITORING_SOURCE = 'demo-monitoring';

/** The Alertmanager mapping the demo's alerts need: the API must run with it (the demo command writes it). */
export function demoAlertMapping(serviceIds: readonly string[]): DemoAlertRule[] {
  return serviceIds.flatMap((serviceId) => [
    { match: { alertname: 'ServiceDown', service: serviceId }, serviceId, impact: 'full' as const },
    {
      match: { alertname: 'ServiceDegraded', service: serviceId },
      serviceId,
      impact: 'partial' as const,
      weight: DEGRADED_WEIGHT,
    },
  ]);
}

/** One service and month the generator shaped on purpose, with the figures the product must show for it. */
export type OperationsAvailabilityExpectation = AvailabilityExpectation & {
  /** Outage time (weighted) that fell into the approved maintenance window and does not count. */
  readonly excludedMaintenanceMilliseconds: number;
  /** Service time covered by the month's maintenance occurrence. */
  readonly maintenanceMilliseconds: number;
};

export type OperationsExpectations = {
  /** Per service and month (customer's zone): downtime with partial weights, maintenance excluded. */
  readonly availability: readonly OperationsAvailabilityExpectation[];
  /** Built to miss its availability target whatever the tier (more than 0.5 % down). */
  readonly missedTarget: { readonly agreementId: string; readonly serviceId: string; readonly period: string };
  /** Deliveries sent a second time on purpose (same source + externalId): the product answers `duplicate`. */
  readonly redeliveries: { readonly outages: number; readonly alerts: number };
  /** Outage ids created by Alertmanager webhooks, with their service. */
  readonly alertOutages: readonly { readonly outageId: string; readonly serviceId: string; readonly period: string }[];
  /** Outages whose facts arrive weeks after they happened (whole outage, or only its end). */
  readonly lateOutageIds: readonly string[];
  /** The recurring windows, one per service. */
  readonly maintenanceWindowIds: readonly string[];
};

type Interval = { readonly start: Instant; readonly end: Instant; readonly weight: number };

type ServicePlan = {
  readonly customer: DemoCustomer;
  readonly serviceId: string;
  readonly index: number;
};

const iso = (instant: Instant) => new Date(instant).toISOString();

/**
 * The late outage that reaches the product only after its month's service report was published: recorded on the
 * 3rd of the month after next, so that month's report gets a revision 2 (scenario/reports.ts). April in the year
 * (January in the two months of `small`).
 */
export function restatedLateOutage(context: DemoContext): {
  readonly month: number;
  readonly period: string;
  readonly serviceId: string;
  readonly customerKey: string;
  readonly outageId: string;
  readonly deliveredAt: string;
} {
  const month = Math.max(0, Math.min(3, context.months - 2));
  const services = context.customers.flatMap((customer) =>
    customer.serviceIds.map((serviceId) => ({ customer, serviceId })),
  );
  const { customer, serviceId } = services[(month * 3 + 2) % services.length]!;
  const period = Temporal.PlainDate.from({ year: context.year, month: month + 1, day: 1 }).toPlainYearMonth();
  const deliveredOn = period.add({ months: 2 }).toPlainDate({ day: 3 });
  return {
    month,
    period: period.toString(),
    serviceId,
    customerKey: customer.key,
    outageId: `demo-ops-late-${serviceId}-${period.toString()}`,
    deliveredAt: iso(deliveredOn.toPlainDateTime({ hour: 10 }).toZonedDateTime(customer.timeZone).epochMilliseconds),
  };
}

/**
 * Outages sized by the budget they spend: a share of the month's downtime budget of the customer's SLA tier. The
 * incidents of this module (an overrun, a late report, a lost recovery notice, an alert) spend 20-60 % of it (more
 * for a partial one), so they meet the SLA but may breach the stricter underpinning OLA or UC that month.
 */
const slaShare = (plan: ServicePlan, share: number) =>
  downtimeShare(AVAILABILITY_TIERS.find(({ tier }) => tier === plan.customer.template.tier)!.percentage, share);

export function operationsScenario(context: DemoContext): DemoContribution {
  const random = context.randomFor('operations');
  const services: ServicePlan[] = context.customers
    .flatMap((customer) => customer.serviceIds.map((serviceId) => ({ customer, serviceId })))
    .map((plan, index) => ({ ...plan, index }));
  const year = context.year;
  const maintenance: DemoMaintenanceWindow[] = [];
  const outages: DemoOutage[] = [];
  const steps: DemoStep[] = [];
  const alertOutages: { outageId: string; serviceId: string; period: string }[] = [];
  const lateOutageIds: string[] = [];
  // Every interval that costs a service time, and every maintenance occurrence, by service.
  const outageIntervals = new Map<string, Interval[]>(services.map(({ serviceId }) => [serviceId, []]));
  const maintenanceIntervals = new Map<string, Interval[]>(services.map(({ serviceId }) => [serviceId, []]));
  for (const outage of context.outages) {
    const interval = intervalOf(outage);
    if (interval) outageIntervals.get(interval.serviceId)?.push(interval);
  }
  let outageRedeliveries = 0;
  let alertRedeliveries = 0;

  const local = (customer: DemoCustomer, date: Temporal.PlainDate, hour: number, minute = 0) =>
    date.toPlainDateTime({ hour, minute }).toZonedDateTime(customer.timeZone).epochMilliseconds;
  const monthOf = (month: number) => Temporal.PlainDate.from({ year, month: 1, day: 1 }).add({ months: month });
  const secondSaturday = (month: number) => {
    const first = monthOf(month);
    return first.add({ days: ((6 - first.dayOfWeek + 7) % 7) + 7 });
  };
  const windowMinutes = (plan: ServicePlan) => 120 + 30 * (plan.index % 4);
  const addOutage = (
    plan: ServicePlan,
    outageId: string,
    start: Instant,
    end: Instant,
    impact: { impact: 'full' } | { impact: 'partial'; weight: number },
    delivered: { start?: Instant; end?: Instant } = {},
  ) => {
    const fact = (suffix: string, type: string, occurredAt: Instant, data: Record<string, unknown>, at?: Instant) => ({
      source: MONITORING_SOURCE,
      externalId: `${outageId}-${suffix}`,
      type,
      data: { ...data, occurredAt: iso(occurredAt) },
      ...(at !== undefined ? { deliveredAt: iso(at) } : {}),
    });
    const facts: FactDelivery[] = [
      fact('start', 'OutageStarted', start, { serviceId: plan.serviceId, ...impact }, delivered.start),
      fact('end', 'OutageEnded', end, {}, delivered.end),
    ];
    outages.push({ outageId, facts });
    outageIntervals.get(plan.serviceId)!.push({ start, end, weight: 'weight' in impact ? impact.weight : 1 });
    return facts;
  };

  // Planned maintenance: one recurring window per service, scheduled under a change before the year starts.
  for (const plan of services) {
    const windowId = `demo-maintenance-${plan.serviceId}`;
    const first = secondSaturday(0);
    maintenance.push({
      windowId,
      facts: [
        {
          source: 'demo-change-calendar',
          externalId: `${windowId}-scheduled`,
          type: 'MaintenanceWindowScheduled',
          data: {
            serviceId: plan.serviceId,
            changeReference: `CHG-2025-${String(900 + plan.index)}`,
            title: `Monthly patching of ${plan.serviceId} (second Saturday night)`,
            schedule: {
              kind: 'recurring',
              rule: 'FREQ=MONTHLY;BYDAY=2SA',
              timeZone: plan.customer.timeZone,
              firstStart: `${first.toString()}T22:00`,
              durationMinutes: windowMinutes(plan),
            },
            occurredAt: iso(local(plan.customer, Temporal.PlainDate.from({ year: year - 1, month: 12, day: 20 }), 10)),
          },
        },
      ],
    });
    for (let month = 0; month < context.months; month += 1) {
      const start = local(plan.customer, secondSaturday(month), 22);
      maintenanceIntervals.get(plan.serviceId)!.push({ start, end: start + minutes(windowMinutes(plan)), weight: 1 });
    }
  }

  const missed = services.find(({ serviceId }) => serviceId === 'ny-pos') ?? services[services.length - 1]!;
  const missedMonth = Math.min(1, context.months - 1);
  for (let month = 0; month < context.months; month += 1) {
    const period = monthOf(month).toPlainYearMonth().toString();
    const nextMonthDay = (day: number) => monthOf(month + 1).with({ day });

    // An outage that runs into the maintenance window: the part inside it is excluded, the rest counts.
    {
      const plan = services[(month * 5 + 1) % services.length]!;
      const windowStart = local(plan.customer, secondSaturday(month), 22);
      const start = windowStart + minutes(60);
      const end = windowStart + minutes(windowMinutes(plan)) + slaShare(plan, 0.2 + random.next() * 0.4);
      const facts = addOutage(plan, `demo-ops-overrun-${plan.serviceId}-${period}`, start, end, { impact: 'full' });
      // The monitoring tool retried the start after a timeout, in the next month: stored once.
      const at = local(plan.customer, nextMonthDay(3), 9);
      outages.push({
        outageId: `demo-ops-overrun-${plan.serviceId}-${period}`,
        facts: [{ ...facts[0]!, deliveredAt: iso(at) }],
      });
      outageRedeliveries += 1;
    }

    // A late outage: recorded by hand three weeks later, after the next month's facts (out of order). One arrives
    // only after its month's report was published, which is then restated (scenario/reports.ts).
    {
      const plan = services[(month * 3 + 2) % services.length]!;
      const start = local(plan.customer, monthOf(month).with({ day: 15 }), 3, random.integer(0, 59));
      const end = start + slaShare(plan, 0.2 + random.next() * 0.4);
      const outageId = `demo-ops-late-${plan.serviceId}-${period}`;
      const restated = restatedLateOutage(context);
      const at = month === restated.month ? Date.parse(restated.deliveredAt) : start + 21 * 24 * 3_600_000;
      addOutage(plan, outageId, start, end, { impact: 'full' }, { start: at, end: at + minutes(5) });
      lateOutageIds.push(outageId);
    }

    // A partial outage whose end (the recovery notice) was lost and arrives two weeks later.
    {
      const plan = services[(month * 7 + 4) % services.length]!;
      const start = local(plan.customer, monthOf(month).with({ day: 21 }), 14, random.integer(0, 59));
      const end = start + slaShare(plan, 0.4 + random.next() * 0.8);
      const outageId = `demo-ops-lost-end-${plan.serviceId}-${period}`;
      addOutage(plan, outageId, start, end, { impact: 'partial', weight: 0.3 }, { end: end + 14 * 24 * 3_600_000 });
      lateOutageIds.push(outageId);
    }

    // Alertmanager: a service goes down (firing, a retried delivery, resolved); in the missed month a long outage
    // followed by a degraded tail.
    {
      const plan = month === missedMonth ? missed : services[(month * 7 + 3) % services.length]!;
      const start = local(plan.customer, monthOf(month).with({ day: 17 }), 9, random.integer(0, 59));
      const downFor = month === missedMonth ? minutes(240) : slaShare(plan, 0.2 + random.next() * 0.4);
      const alerts = [{ name: 'ServiceDown', start, end: start + downFor, weight: 1 }];
      if (month === missedMonth) {
        alerts.push({
          name: 'ServiceDegraded',
          start: start + downFor,
          end: start + downFor + minutes(120),
          weight: 0.5,
        });
      }
      for (const [index, alert] of alerts.entries()) {
        const labels = {
          alertname: alert.name,
          service: plan.serviceId,
          severity: alert.weight === 1 ? 'critical' : 'warning',
        };
        const fingerprint = fingerprintOf(`${alert.name}/${plan.serviceId}/${period}`);
        const payload = (status: 'firing' | 'resolved') => ({
          version: '4',
          groupKey: `{}:{alertname="${alert.name}"}`,
          status,
          receiver: ALERT_RECEIVER,
          groupLabels: { alertname: alert.name },
          commonLabels: labels,
          commonAnnotations: { summary: `${plan.serviceId} ${alert.weight === 1 ? 'down' : 'degraded'}` },
          externalURL: 'http://alertmanager.demo:9093',
          alerts: [
            {
              status,
              labels,
              annotations: { summary: `${plan.serviceId} ${alert.weight === 1 ? 'down' : 'degraded'}` },
              startsAt: iso(alert.start),
              endsAt: status === 'firing' ? '0001-01-01T00:00:00Z' : iso(alert.end),
              generatorURL: `http://prometheus.demo:9090/graph?g0.expr=probe_success%7Bservice%3D%22${plan.serviceId}%22%7D`,
              fingerprint,
            },
          ],
        });
        const outageId = `alertmanager-${fingerprint}-${alert.start}`;
        const step = (occurredAt: Instant, status: 'firing' | 'resolved'): DemoStep => ({
          phase: 'alerts',
          occurredAt: iso(occurredAt),
          method: 'POST',
          path: '/webhooks/alertmanager',
          body: payload(status),
          actor: 'alertmanager',
          // Done once the outage shows (ended, for the resolution): a later run against an API whose mapping does
          // not know the demo's alerts, such as a plain `npm start`, then sends none of them again.
          doneWhen: {
            path: `/outages?serviceId=${plan.serviceId}&limit=200`,
            matches: { items: [status === 'firing' ? { outageId } : { outageId, endedAt: iso(alert.end) }] },
          },
        });
        steps.push(step(alert.start + 30_000, 'firing'));
        if (index === 0) {
          // Alertmanager retried the notification (its first attempt timed out): already stored, so not sent again.
          steps.push(step(alert.start + 90_000, 'firing'));
          alertRedeliveries += 1;
        }
        steps.push(step(alert.end + 30_000, 'resolved'));
        alertOutages.push({
          outageId,
          serviceId: plan.serviceId,
          period,
        });
        outageIntervals.get(plan.serviceId)!.push({ start: alert.start, end: alert.end, weight: alert.weight });
      }
    }
  }

  // Partial slow-downs on the 28th, sized so no two services or months show the same downtime.
  const byKey = new Map(context.availability.map((expected) => [`${expected.serviceId}/${expected.period}`, expected]));
  const seen = new Set<number>();
  const availability: OperationsAvailabilityExpectation[] = [];
  for (let month = 0; month < context.months; month += 1) {
    const period = monthOf(month).toPlainYearMonth().toString();
    for (const plan of services) {
      const base = byKey.get(`${plan.serviceId}/${period}`);
      if (!base) continue;
      const calendar = plan.customer.roundTheClockCalendar;
      const from = local(plan.customer, monthOf(month), 0);
      const to = local(plan.customer, monthOf(month + 1), 0);
      const weight = plan.index % 2 === 0 ? 0.25 : 0.5;
      const start = local(plan.customer, monthOf(month).with({ day: 28 }), 10);
      // Seconds, a few per cent of the strictest budget; one more second until no two are alike.
      let length = downtimeShare(UNDERPINNING_AVAILABILITY_PERCENTAGE, 0.04 + random.next() * 0.12);
      const measure = (extra: Interval[]) =>
        measure24x7(
          from,
          to,
          [...outageIntervals.get(plan.serviceId)!, ...extra],
          maintenanceIntervals.get(plan.serviceId)!,
        );
      while (seen.has(measure([{ start, end: start + length, weight }]).downtime)) length += 1_000;
      addOutage(plan, `demo-ops-slow-${plan.serviceId}-${period}`, start, start + length, {
        impact: 'partial',
        weight,
      });
      const figures = measure([]);
      seen.add(figures.downtime);
      // The round-the-clock calendar of the demo has no gaps: wall time is service time.
      if (calendar.businessDuration(from, to) !== to - from) throw new Error(`${base.calendarId} is not 24x7`);
      availability.push({
        ...base,
        downtimeMilliseconds: figures.downtime,
        excludedMaintenanceMilliseconds: figures.excluded,
        maintenanceMilliseconds: figures.maintenance,
      });
    }
  }

  const recomputed = context.availability.map(
    (expected) =>
      availability.find((mine) => mine.serviceId === expected.serviceId && mine.period === expected.period) ?? expected,
  );
  const operations: OperationsExpectations = {
    availability,
    missedTarget: {
      agreementId: missed.customer.agreementId,
      serviceId: missed.serviceId,
      period: monthOf(missedMonth).toPlainYearMonth().toString(),
    },
    redeliveries: { outages: outageRedeliveries, alerts: alertRedeliveries },
    alertOutages,
    lateOutageIds,
    maintenanceWindowIds: maintenance.map(({ windowId }) => windowId),
  };
  return {
    steps,
    outages,
    maintenance,
    expectations: {
      availability: recomputed.map(
        ({ agreementId, serviceId, period, timeZone, calendarId, agreedMilliseconds, downtimeMilliseconds }) => ({
          agreementId,
          serviceId,
          period,
          timeZone,
          calendarId,
          agreedMilliseconds,
          downtimeMilliseconds,
        }),
      ),
      operations,
    },
  };
}

function intervalOf(outage: DemoOutage): (Interval & { serviceId: string }) | undefined {
  const started = outage.facts.find(({ type }) => type === 'OutageStarted');
  const ended = outage.facts.find(({ type }) => type === 'OutageEnded');
  if (!started || !ended) return undefined;
  const weight =
    started.data.impact === 'partial' ? Number(started.data.weight) : started.data.impact === 'full' ? 1 : 0;
  return {
    serviceId: String(started.data.serviceId),
    start: Date.parse(String(started.data.occurredAt)),
    end: Date.parse(String(ended.data.occurredAt)),
    weight,
  };
}

/**
 * Downtime over [from, to) in a round-the-clock calendar, as the domain defines it: each instant counts once, at
 * the heaviest weight of the outages then, and not at all inside approved maintenance. Weighted time is summed in
 * millionths of a millisecond and truncated at the end, so a weight never rounds a figure up.
 */
function measure24x7(
  from: Instant,
  to: Instant,
  outages: readonly Interval[],
  maintenance: readonly Interval[],
): { downtime: number; excluded: number; maintenance: number } {
  const clip = ({ start, end, weight }: Interval) => ({ start: Math.max(start, from), end: Math.min(end, to), weight });
  const clippedOutages = outages.map(clip).filter(({ start, end }) => end > start);
  const clippedMaintenance = maintenance.map(clip).filter(({ start, end }) => end > start);
  const points = [
    ...new Set([from, to, ...[...clippedOutages, ...clippedMaintenance].flatMap(({ start, end }) => [start, end])]),
  ].sort((left, right) => left - right);
  let downtime = 0n;
  let excluded = 0n;
  let maintenanceTime = 0;
  for (let index = 0; index + 1 < points.length; index += 1) {
    const [start, end] = [points[index]!, points[index + 1]!];
    const inside = (interval: Interval) => interval.start <= start && end <= interval.end;
    const inMaintenance = clippedMaintenance.some(inside);
    if (inMaintenance) maintenanceTime += end - start;
    const heaviest = Math.max(0, ...clippedOutages.filter(inside).map(({ weight }) => weight));
    const weighted = BigInt(Math.round(heaviest * 1_000_000)) * BigInt(end - start);
    if (inMaintenance) excluded += weighted;
    else downtime += weighted;
  }
  return {
    downtime: Number(downtime / 1_000_000n),
    excluded: Number(excluded / 1_000_000n),
    maintenance: maintenanceTime,
  };
}

/** A stable 16-hex-digit fingerprint, as Alertmanager derives one from an alert's labels. */
function fingerprintOf(text: string): string {
  let high = 0x811c9dc5;
  let low = 0x01000193;
  for (let index = 0; index < text.length; index += 1) {
    high = Math.imul(high ^ text.charCodeAt(index), 0x01000193) >>> 0;
    low = Math.imul(low ^ text.charCodeAt(text.length - 1 - index), 0x811c9dc5) >>> 0;
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}
