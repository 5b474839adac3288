import { eventually, type httpClient } from './http';

/**
 * A small catalogue for report tests: the Shanghai office calendar
 * (Mon–Fri 09:00–18:00), the e-mail service and an SLA `email-sla` in force
 * from 1 January 2026 with a P1 target and a 99.5 % monthly availability
 * target. Waits until each is readable.
 */
export async function givenShanghaiEmailAgreement(http: ReturnType<typeof httpClient>): Promise<void> {
  const weekdays = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, ['09:00-18:00']]));
  await http.post('/calendars', { definition: { id: 'office-shanghai', name: 'Office Shanghai', timeZone: 'Asia/Shanghai', versions: [{ weeklyWindows: weekdays }] } });
  await eventually(async () => ((await http.get('/calendars/office-shanghai')).status === 200 ? true : undefined));
  await http.post('/services', { serviceId: 'email', name: 'Corporate e-mail', owner: { name: 'Li Wei' }, calendarId: 'office-shanghai', changeRequest: 'CR-1' });
  await eventually(async () => ((await http.get('/services/email')).status === 200 ? true : undefined));
  const agreement = await http.post('/agreements', {
    agreementId: 'email-sla',
    kind: 'SLA',
    provider: { name: 'IT Services' },
    counterparty: { name: 'Finance' },
    content: {
      title: 'E-mail SLA',
      services: ['email'],
      serviceTargets: [{ serviceId: 'email', priority: 'P1', response: { duration: { unit: 'business-hours', amount: 1 }, calendarId: 'office-shanghai' }, resolution: { duration: { unit: 'business-hours', amount: 4 }, calendarId: 'office-shanghai' } }],
      availabilityTargets: [{ serviceId: 'email', percentage: 99.5, period: 'month', calendarId: 'office-shanghai' }],
      effectiveFrom: '2026-01-01T00:00:00+08:00',
    },
    occurredAt: '2025-12-10T10:00:00+08:00',
  });
  if (agreement.status !== 201) throw new Error(`agreement not drafted: ${JSON.stringify(agreement.body)}`);
  await eventually(async () => ((await http.get('/agreements/email-sla')).status === 200 ? true : undefined));
}
