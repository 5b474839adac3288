import { eventually, type httpClient } from './http';

/**
 * A small catalogue for report tests: the Shanghai office calendar
 * (Mon–Fri 09:00–18:00), the e-mail service and an SLA `email-sla` in force
 * from 1 January 2026 (approved in December) with a P1 target and a 99.5 %
 * monthly availability target. Waits until each is readable.
 */
export async function givenShanghaiEmailAgreement(http: ReturnType<typeof httpClient>): Promise<void> {
  const weekdays = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, ['09:00-18:00']]));
  await http.post('/calendars', {
    definition: {
      id: 'office-shanghai',
      name: 'Office Shanghai',
      timeZone: 'Asia/Shanghai',
      versions: [{ weeklyWindows: weekdays }],
    },
  });
  await eventually(async () => ((await http.get('/calendars/office-shanghai')).status === 200 ? true : undefined));
  await http.post('/services', {
    serviceId: 'email',
    name: 'Corporate e-mail',
    owner: { name: 'Li Wei' },
    calendarId: 'office-shanghai',
    changeRequest: 'CR-1',
  });
  await eventually(async () => ((await http.get('/services/email')).status === 200 ? true : undefined));
  const agreement = await http.post('/agreements', {
    agreementId: 'email-sla',
    kind: 'SLA',
    provider: { name: 'IT Services' },
    counterparty: { name: 'Finance' },
    content: {
      title: 'E-mail SLA',
      services: ['email'],
      serviceTargets: [
        {
          serviceId: 'email',
          priority: 'P1',
          response: { duration: { unit: 'business-hours', amount: 1 }, calendarId: 'office-shanghai' },
          resolution: { duration: { unit: 'business-hours', amount: 4 }, calendarId: 'office-shanghai' },
        },
      ],
      availabilityTargets: [{ serviceId: 'email', percentage: 99.5, period: 'month', calendarId: 'office-shanghai' }],
      effectiveFrom: '2026-01-01T00:00:00+08:00',
    },
    occurredAt: '2025-12-10T10:00:00+08:00',
  });
  if (agreement.status !== 201) throw new Error(`agreement not drafted: ${JSON.stringify(agreement.body)}`);
  // Approved before it takes effect, so that reports on 2026 have a version in force.
  const riskAcceptance = { reason: 'P1 handled in-house' };
  const steps = [
    () => http.post('/agreements/email-sla/versions/1/submission', { occurredAt: '2025-12-11T10:00:00+08:00' }),
    () =>
      http.post('/agreements/email-sla/versions/1/signatures', {
        party: 'provider',
        signatory: { name: 'Alice Chen', title: 'SLM' },
        riskAcceptance,
        occurredAt: '2025-12-12T10:00:00+08:00',
      }),
    () =>
      http.post(
        '/agreements/email-sla/versions/1/signatures',
        {
          party: 'counterparty',
          signatory: { name: 'Bob Meyer', title: 'Finance' },
          riskAcceptance,
          occurredAt: '2025-12-12T11:00:00+08:00',
        },
        { 'x-actor': 'finance.bob' },
      ),
  ];
  for (const step of steps) {
    const response = await step();
    if (response.status !== 200) throw new Error(`agreement not approved: ${JSON.stringify(response.body)}`);
  }
  const inEffect = async () => (await http.get('/agreements/email-sla')).body?.status === 'in-effect';
  await eventually(async () => ((await inEffect()) ? true : undefined));
}

/**
 * The SLA `vpn-sla` between IT and Sales for the service `vpn`, in force from
 * 1 March 2026: drafted, submitted and signed by both parties in February
 * (risk accepted: no underpinning contracts in these tests), the counterparty
 * as `sales.bob`. The targets are the caller's.
 */
export async function givenApprovedVpnAgreement(
  http: ReturnType<typeof httpClient>,
  serviceTargets: unknown[],
): Promise<void> {
  const content = { title: 'VPN SLA', services: ['vpn'], serviceTargets, effectiveFrom: '2026-03-01T00:00:00Z' };
  const parties = { provider: { name: 'IT' }, counterparty: { name: 'Sales' } };
  const drafted = { agreementId: 'vpn-sla', kind: 'SLA', ...parties, content, occurredAt: '2026-02-01T00:00:00Z' };
  const steps = [
    await http.post('/agreements', drafted),
    await http.post('/agreements/vpn-sla/versions/1/submission', { occurredAt: '2026-02-02T00:00:00Z' }),
  ];
  const signature = { riskAcceptance: { reason: 'pilot' }, occurredAt: '2026-02-03T00:00:00Z' };
  const provider = { party: 'provider', signatory: { name: 'A', title: 'SLM' }, ...signature };
  steps.push(await http.post('/agreements/vpn-sla/versions/1/signatures', provider));
  const counterparty = { party: 'counterparty', signatory: { name: 'B', title: 'Sales' }, ...signature };
  steps.push(await http.post('/agreements/vpn-sla/versions/1/signatures', counterparty, { 'x-actor': 'sales.bob' }));
  const refused = steps.find((step) => step.status >= 300);
  if (refused) throw new Error(`vpn-sla not approved: ${refused.status} ${JSON.stringify(refused.body)}`);
}

const ROUND_THE_CLOCK = { id: 'round-the-clock', name: '24x7', timeZone: 'UTC', versions: [{ weeklyWindows: '24x7' }] };

/**
 * A calendar (by default the 24x7 `round-the-clock`), the service `vpn` and `vpn-sla` over it, in force from 1 March
 * 2026, with business-hour targets per priority (by default response 1 h, resolution 8 h); returns once the views
 * show the agreement in effect.
 */
export async function givenVpnServiceUnderSla(
  http: ReturnType<typeof httpClient>,
  options: {
    calendar?: { id: string; name: string; timeZone: string; versions: unknown[] };
    hours?: (priority: string) => { response: number; resolution: number };
  } = {},
): Promise<void> {
  const calendar = options.calendar ?? ROUND_THE_CLOCK;
  const hours = options.hours ?? (() => ({ response: 1, resolution: 8 }));
  const shows = (path: string, check: (body: any) => boolean = () => true) =>
    eventually(async () => {
      const response = await http.get(path);
      return response.status === 200 && check(response.body) ? true : undefined;
    });
  await http.post('/calendars', { definition: calendar });
  await shows(`/calendars/${calendar.id}`);
  const service = { serviceId: 'vpn', name: 'VPN', owner: { name: 'Li Wei' }, calendarId: calendar.id };
  await http.post('/services', { ...service, changeRequest: 'CR-1' });
  await shows('/services/vpn');
  const target = (amount: number) => ({ duration: { unit: 'business-hours', amount }, calendarId: calendar.id });
  const serviceTargets = ['P1', 'P2', 'P3', 'P4'].map((priority) => ({
    serviceId: 'vpn',
    priority,
    response: target(hours(priority).response),
    resolution: target(hours(priority).resolution),
  }));
  await givenApprovedVpnAgreement(http, serviceTargets);
  await shows('/agreements/vpn-sla', (body) => body?.status === 'in-effect');
  // The compliance views know the approval (they answer the versions in force).
  await shows('/compliance/agreements/vpn-sla/kpis?period=2026-03');
}
