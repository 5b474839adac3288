import { agreementContentSchema } from './agreement-content';
import { diffAgreementContent } from './version-diff';

const target = (priority: string, resolution: number) => ({
  serviceId: 'email',
  priority,
  response: { duration: { unit: 'business-hours', amount: 4 }, calendarId: 'office' },
  resolution: { duration: { unit: 'business-hours', amount: resolution }, calendarId: 'office' },
});
const version = (overrides: Record<string, unknown>) =>
  agreementContentSchema.parse({
    title: 'E-mail SLA',
    services: ['email'],
    effectiveFrom: '2026-04-01T00:00:00Z',
    ...overrides,
  });

describe('readable diff between agreement versions', () => {
  it('names each changed field, matching targets by service and priority', () => {
    const before = version({ serviceTargets: [target('P1', 2), target('P2', 12)] });
    const after = version({
      title: 'E-mail SLA (faster P2)',
      serviceTargets: [target('P2', 10), target('P1', 2), target('P3', 40)],
      effectiveFrom: '2026-07-01T00:00:00Z',
    });
    expect(diffAgreementContent(before, after)).toEqual([
      { path: 'effectiveFrom', change: 'changed', before: '2026-04-01T00:00:00Z', after: '2026-07-01T00:00:00Z' },
      { path: 'serviceTargets[email P2].resolution.duration.amount', change: 'changed', before: 12, after: 10 },
      { path: 'serviceTargets[email P3]', change: 'added', after: expect.objectContaining({ priority: 'P3' }) },
      { path: 'title', change: 'changed', before: 'E-mail SLA', after: 'E-mail SLA (faster P2)' },
    ]);
  });

  it('finds nothing between identical versions', () => {
    const content = version({ serviceTargets: [target('P1', 2)] });
    expect(diffAgreementContent(content, content)).toEqual([]);
  });

  it('names a target added for a service called like a built-in property (constructor, toString)', () => {
    const availability = (serviceId: string) => ({ serviceId, percentage: 99.9, period: 'month', calendarId: 'o' });
    const services = ['email', 'constructor', 'toString'];
    const before = version({ services });
    const after = version({ services, availabilityTargets: [availability('constructor'), availability('toString')] });
    const added = (serviceId: string) => ({
      path: `availabilityTargets[${serviceId}]`,
      change: 'added',
      after: expect.objectContaining({ serviceId }),
    });
    expect(diffAgreementContent(before, after)).toEqual([added('constructor'), added('toString')]);
  });
});
