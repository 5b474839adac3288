import { Temporal } from 'temporal-polyfill';
import { referenceTargetTable, type Priority, type TargetDuration } from '@sla/sla-clock';
import {
  draftContentFromTemplate,
  type AgreementContent,
  type AgreementKind,
  type AvailabilityTarget,
  type ServiceTarget,
} from '@sla/agreements-domain';
import type { DemoContext, DemoContribution, DemoCustomer } from '../demo-scenario';
import type { DemoStep, JsonPattern } from '../demo-step';
import { UNDERPINNING_AVAILABILITY_PERCENTAGE } from './downtime-budget';

/** What the agreements module built on purpose, for a test to compare with the product's answers. */
export type AgreementsExpectations = {
  /** The OLAs (two internal teams) and UCs (two suppliers), all in effect from 1 January. */
  readonly underpinning: readonly { readonly agreementId: string; readonly kind: AgreementKind }[];
  /** The SLA amended through a change request, and the version in force at the start of each month (its zone). */
  readonly amended: {
    readonly agreementId: string;
    readonly changeRequest: string;
    readonly effectiveFrom: string;
    readonly inForce: readonly { readonly period: string; readonly at: string; readonly version: number }[];
  };
  /** The one underpinning gap of the amended version, signed with a risk acceptance by both parties. */
  readonly acceptedGap: {
    readonly agreementId: string;
    readonly version: number;
    readonly metric: 'availability';
    readonly serviceId: string;
    readonly problem: 'lower-availability';
    readonly supportingAgreementId: string;
  };
  readonly terminated: { readonly agreementId: string; readonly terminatesAt: string };
  readonly renewed: { readonly agreementId: string; readonly expiresAt: string };
};

const PROVIDER = { name: 'IT Services' };
const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3', 'P4'];
const SERVICE_DESK = 'ola-service-desk';
const INFRASTRUCTURE = 'ola-infrastructure';
const CLOUD_HOSTING = 'uc-cloud-hosting';
const TELEPHONY_CARRIER = 'uc-telephony-carrier';
const AMENDED_CUSTOMER = 'berlin';
const TERMINATED_CUSTOMER = 'newyork';
const RENEWED_CUSTOMER = 'shanghai';

type Supporting = {
  readonly agreementId: string;
  readonly kind: 'OLA' | 'UC';
  readonly counterparty: string;
  readonly signatory: { readonly name: string; readonly title: string };
  readonly actor: string;
  readonly content: (customers: readonly DemoCustomer[]) => AgreementContent;
};

/** An OLA/UC target stricter than the reference one: a quarter less time, or a working day less. */
const stricter = (duration: TargetDuration): TargetDuration =>
  duration.unit === 'working-days'
    ? { unit: 'working-days', amount: Math.max(1, duration.amount - 1) }
    : { unit: duration.unit, amount: duration.amount * 0.75 };

const availability = (customer: DemoCustomer, serviceId: string, percentage: number): AvailabilityTarget => ({
  serviceId,
  percentage,
  period: 'month',
  calendarId: customer.calendars.roundTheClock,
  supportedBy: [],
});

const supportingContent = (
  title: string,
  services: readonly string[],
  parts: { serviceTargets?: ServiceTarget[]; availabilityTargets?: AvailabilityTarget[]; duties: string[] },
): AgreementContent => ({
  title,
  services: [...services],
  customerDuties: [],
  providerDuties: parts.duties,
  serviceTargets: parts.serviceTargets ?? [],
  availabilityTargets: parts.availabilityTargets ?? [],
  serviceCredits: [],
  reportingPeriod: 'monthly',
  reviewCadence: 'annual',
  risks: [],
  // In effect with the SLAs they underpin; they run until further notice.
  effectiveFrom: '2025-12-31T16:00:00.000Z',
});

const isEmail = (serviceId: string) => serviceId.endsWith('-email');
const isTelephony = (serviceId: string) => serviceId === 'be-telephony' || serviceId === 'sh-vpn';

const SUPPORTING: readonly Supporting[] = [
  {
    agreementId: SERVICE_DESK,
    kind: 'OLA',
    counterparty: 'Service desk team',
    signatory: { name: 'Priya Raman', title: 'Service desk lead' },
    actor: 'team.servicedesk',
    content: (customers) =>
      supportingContent(
        'Service desk: response and resolution for every customer service',
        customers.flatMap((customer) => customer.serviceIds),
        {
          duties: ['Acknowledge, assign and resolve tickets within the targets below'],
          serviceTargets: customers.flatMap((customer) => {
            const table = referenceTargetTable(customer.calendars);
            return customer.serviceIds.flatMap((serviceId) =>
              PRIORITIES.map((priority) => ({
                serviceId,
                priority,
                response: {
                  calendarId: table[priority].response.calendarId,
                  duration: stricter(table[priority].response.duration),
                },
                resolution: {
                  calendarId: table[priority].resolution.calendarId,
                  duration: stricter(table[priority].resolution.duration),
                },
                supportedBy: [],
              })),
            );
          }),
        },
      ),
  },
  {
    agreementId: INFRASTRUCTURE,
    kind: 'OLA',
    counterparty: 'Infrastructure operations team',
    signatory: { name: 'Tomasz Nowak', title: 'Head of infrastructure operations' },
    actor: 'team.infrastructure',
    content: (customers) => {
      const pairs = customers.flatMap((customer) =>
        customer.serviceIds
          .filter((serviceId) => !isEmail(serviceId) && !isTelephony(serviceId))
          .map((serviceId) => [customer, serviceId] as const),
      );
      return supportingContent(
        'Infrastructure operations: availability of the hosted applications',
        pairs.map(([, serviceId]) => serviceId),
        {
          duties: ['Run the application platforms round the clock', 'Restore service within 30 minutes'],
          availabilityTargets: pairs.map(([customer, serviceId]) =>
            availability(customer, serviceId, UNDERPINNING_AVAILABILITY_PERCENTAGE),
          ),
        },
      );
    },
  },
  {
    agreementId: CLOUD_HOSTING,
    kind: 'UC',
    counterparty: 'Nimbus Cloud Hosting B.V.',
    signatory: { name: 'Daan de Vries', title: 'Account director' },
    actor: 'nimbus.contracts',
    content: (customers) => {
      const pairs = customers.flatMap((customer) =>
        customer.serviceIds.filter(isEmail).map((serviceId) => [customer, serviceId] as const),
      );
      return supportingContent(
        'Hosted e-mail platform',
        pairs.map(([, serviceId]) => serviceId),
        {
          duties: ['Operate the hosted e-mail platform in two data centres'],
          availabilityTargets: pairs.map(([customer, serviceId]) =>
            availability(customer, serviceId, UNDERPINNING_AVAILABILITY_PERCENTAGE),
          ),
        },
      );
    },
  },
  {
    agreementId: TELEPHONY_CARRIER,
    kind: 'UC',
    counterparty: 'CarrierOne Telecom',
    signatory: { name: 'Megan Howard', title: 'Enterprise contracts manager' },
    actor: 'carrierone.contracts',
    content: (customers) => {
      const pairs = customers.flatMap((customer) =>
        customer.serviceIds.filter(isTelephony).map((serviceId) => [customer, serviceId] as const),
      );
      return supportingContent(
        'Carrier lines for cloud telephony and remote access',
        pairs.map(([, serviceId]) => serviceId),
        {
          duties: ['Provide redundant carrier lines'],
          // The carrier's standard contract: below the 99.99 % Berlin has for telephony (the accepted gap).
          availabilityTargets: pairs.map(([customer, serviceId]) => availability(customer, serviceId, 99.95)),
        },
      );
    },
  },
];

const iso = (epochMilliseconds: number) => new Date(epochMilliseconds).toISOString();

/** An instant given as a local date and hour in a customer's zone. */
const localInstant = (timeZone: string, date: string, hour: number, minute = 0) =>
  iso(Temporal.PlainDate.from(date).toPlainDateTime({ hour, minute }).toZonedDateTime(timeZone).epochMilliseconds);

const history = (agreementId: string, event: string, version?: number) => ({
  path: `/agreements/${agreementId}/history`,
  matches: [version === undefined ? { event } : { event, version }] as JsonPattern,
});

const signatureDone = (agreementId: string, version: number, party: 'provider' | 'counterparty') => ({
  path: `/agreements/${agreementId}`,
  matches: { versions: [{ version, signatures: [{ party }] }] },
});

const SERVICE_LEVEL_MANAGER = { actor: 'slm.alice', signatory: { name: 'Alice Chen', title: 'Service level manager' } };

/**
 * Underpinning and changes of agreements: OLAs with two internal teams and UCs with two suppliers signed in
 * December 2025; the Berlin SLA amended under a change request to link its targets to them (one gap, a carrier
 * below the agreed telephony availability, accepted as a risk); the Shanghai SLA renewed; the New York SLA
 * terminated with notice. The amended targets equal the template's, so ticket figures do not change with it.
 */
export function agreementsModule(context: DemoContext): DemoContribution {
  const steps: DemoStep[] = [];
  const customer = (key: string) => context.customers.find((candidate) => candidate.key === key)!;

  for (const [index, supporting] of SUPPORTING.entries()) {
    const { agreementId } = supporting;
    const day = (offset: number) => `2025-12-${String(14 + index + offset).padStart(2, '0')}`;
    const at = (offset: number, hour: number) => localInstant('Europe/Berlin', day(offset), hour);
    steps.push(
      {
        phase: 'underpinning',
        occurredAt: at(0, 10),
        method: 'POST',
        path: '/agreements',
        actor: SERVICE_LEVEL_MANAGER.actor,
        body: {
          agreementId,
          kind: supporting.kind,
          provider: PROVIDER,
          counterparty: { name: supporting.counterparty },
          content: supporting.content(context.customers),
          occurredAt: at(0, 10),
        },
        doneWhen: history(agreementId, 'AgreementDrafted'),
      },
      {
        phase: 'underpinning',
        occurredAt: at(0, 15),
        method: 'POST',
        path: `/agreements/${agreementId}/versions/1/submission`,
        actor: SERVICE_LEVEL_MANAGER.actor,
        body: { occurredAt: at(0, 15) },
        doneWhen: history(agreementId, 'AgreementVersionSubmitted', 1),
      },
      {
        phase: 'underpinning',
        occurredAt: at(1, 10),
        method: 'POST',
        path: `/agreements/${agreementId}/versions/1/signatures`,
        actor: SERVICE_LEVEL_MANAGER.actor,
        body: { party: 'provider', signatory: SERVICE_LEVEL_MANAGER.signatory, occurredAt: at(1, 10) },
        doneWhen: signatureDone(agreementId, 1, 'provider'),
      },
      {
        phase: 'underpinning',
        occurredAt: at(1, 16),
        method: 'POST',
        path: `/agreements/${agreementId}/versions/1/signatures`,
        actor: supporting.actor,
        body: { party: 'counterparty', signatory: supporting.signatory, occurredAt: at(1, 16) },
        // The SLA's amendment reads the approved version of its supporting agreements.
        doneWhen: { path: `/agreements/${agreementId}`, matches: { approvedVersion: 1, status: 'in-effect' } },
      },
    );
  }

  // The amendment: links every Berlin target to the OLA/UC target underpinning it, from a month start.
  const berlin = customer(AMENDED_CUSTOMER);
  const small = context.size === 'small';
  const effectiveMonth = small ? 2 : 7;
  const effectiveFrom = localInstant(
    berlin.timeZone,
    `${context.year}-${String(effectiveMonth).padStart(2, '0')}-01`,
    0,
  );
  const amendmentDay = (day: number) => `${context.year}-${String(effectiveMonth - 1).padStart(2, '0')}-${day}`;
  const amendedAt = (day: number, hour: number) => localInstant(berlin.timeZone, amendmentDay(day), hour);
  const changeRequest = `CR-${context.year}-0${effectiveMonth === 2 ? '107' : '607'}`;
  const base = draftContentFromTemplate(berlin.template);
  const telephony = 'be-telephony';
  const amendedContent: AgreementContent = {
    ...base,
    effectiveFrom,
    serviceTargets: base.serviceTargets.map((target) => ({
      ...target,
      supportedBy: [{ agreementId: SERVICE_DESK, serviceId: target.serviceId, priority: target.priority }],
    })),
    availabilityTargets: base.availabilityTargets.map((target) => ({
      ...target,
      supportedBy: [
        {
          agreementId: isEmail(target.serviceId)
            ? CLOUD_HOSTING
            : isTelephony(target.serviceId)
              ? TELEPHONY_CARRIER
              : INFRASTRUCTURE,
          serviceId: target.serviceId,
        },
      ],
    })),
    serviceCredits: [{ condition: 'monthly availability below target', credit: '5 % of the monthly service fee' }],
    risks: [
      `${telephony}: the carrier's contract (${TELEPHONY_CARRIER}) promises 99.95 %, below the agreed 99.99 %; ` +
        'accepted until the carrier contract is renegotiated',
    ],
  };
  const riskAcceptance = {
    reason: `Cloud telephony relies on ${TELEPHONY_CARRIER} at 99.95 % until its contract is renegotiated`,
  };
  const amended = berlin.agreementId;
  const berlinSignatory = { name: `${berlin.name} purchasing`, title: 'Head of purchasing' };
  steps.push(
    {
      phase: 'changes',
      occurredAt: amendedAt(12, 10),
      method: 'POST',
      path: `/agreements/${amended}/amendments`,
      actor: SERVICE_LEVEL_MANAGER.actor,
      body: { changeRequest, content: amendedContent, occurredAt: amendedAt(12, 10) },
      doneWhen: { path: `/agreements/${amended}`, matches: { versions: [{ version: 2, changeRequest }] } },
    },
    {
      phase: 'changes',
      occurredAt: amendedAt(13, 10),
      method: 'POST',
      path: `/agreements/${amended}/versions/2/submission`,
      actor: SERVICE_LEVEL_MANAGER.actor,
      body: { occurredAt: amendedAt(13, 10) },
      doneWhen: history(amended, 'AgreementVersionSubmitted', 2),
    },
    {
      phase: 'changes',
      occurredAt: amendedAt(15, 11),
      method: 'POST',
      path: `/agreements/${amended}/versions/2/signatures`,
      actor: SERVICE_LEVEL_MANAGER.actor,
      body: {
        party: 'provider',
        signatory: SERVICE_LEVEL_MANAGER.signatory,
        riskAcceptance,
        occurredAt: amendedAt(15, 11),
      },
      doneWhen: signatureDone(amended, 2, 'provider'),
    },
    {
      phase: 'changes',
      occurredAt: amendedAt(15, 16),
      method: 'POST',
      path: `/agreements/${amended}/versions/2/signatures`,
      actor: `${berlin.key}.buyer`,
      body: { party: 'counterparty', signatory: berlinSignatory, riskAcceptance, occurredAt: amendedAt(15, 16) },
      doneWhen: { path: `/agreements/${amended}`, matches: { approvedVersion: 2 } },
    },
  );

  // Renewal and termination: late in the year; within the small span, in February (ending after it).
  const shanghai = customer(RENEWED_CUSTOMER);
  const newYork = customer(TERMINATED_CUSTOMER);
  const renewalDate = small ? `${context.year}-02-16` : `${context.year}-11-09`;
  const noticeDate = small ? `${context.year}-02-17` : `${context.year}-11-16`;
  const renewedUntil = localInstant(shanghai.timeZone, `${context.year + 2}-01-01`, 0);
  const terminatesAt = localInstant(newYork.timeZone, small ? `${context.year}-04-01` : `${context.year + 1}-01-01`, 0);
  steps.push(
    {
      phase: 'changes',
      occurredAt: localInstant(shanghai.timeZone, renewalDate, 10),
      method: 'POST',
      path: `/agreements/${shanghai.agreementId}/renewal`,
      actor: SERVICE_LEVEL_MANAGER.actor,
      body: { expiresAt: renewedUntil, occurredAt: localInstant(shanghai.timeZone, renewalDate, 10) },
      doneWhen: history(shanghai.agreementId, 'AgreementRenewed'),
    },
    {
      phase: 'changes',
      occurredAt: localInstant(newYork.timeZone, noticeDate, 15),
      method: 'POST',
      path: `/agreements/${newYork.agreementId}/termination-notice`,
      actor: `${newYork.key}.buyer`,
      body: {
        givenBy: 'counterparty',
        reason: 'Services move to an in-house team; written notice under the termination clause',
        terminatesAt,
        occurredAt: localInstant(newYork.timeZone, noticeDate, 15),
      },
      doneWhen: { path: `/agreements/${newYork.agreementId}`, matches: { status: 'terminating' } },
    },
  );

  const inForce = Array.from({ length: context.months }, (_, month) => {
    const period = `${context.year}-${String(month + 1).padStart(2, '0')}`;
    return {
      period,
      at: localInstant(berlin.timeZone, `${period}-01`, 0),
      version: month + 1 >= effectiveMonth ? 2 : 1,
    };
  });
  return {
    steps,
    expectations: {
      agreements: {
        underpinning: SUPPORTING.map(({ agreementId, kind }) => ({ agreementId, kind })),
        amended: { agreementId: amended, changeRequest, effectiveFrom, inForce },
        acceptedGap: {
          agreementId: amended,
          version: 2,
          metric: 'availability',
          serviceId: telephony,
          problem: 'lower-availability',
          supportingAgreementId: TELEPHONY_CARRIER,
        },
        terminated: { agreementId: newYork.agreementId, terminatesAt },
        renewed: { agreementId: shanghai.agreementId, expiresAt: renewedUntil },
      },
    },
  };
}
