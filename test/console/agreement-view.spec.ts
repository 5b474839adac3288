import fc from 'fast-check';
import {
  defaultDiffVersions,
  diffValueText,
  shiftMonth,
  targetOf,
  trendMonths,
  underpinningAgreements,
  versionParameter,
  versionTimeline,
} from '../../apps/console/src/agreement/agreement-view';

const month = fc
  .record({ year: fc.integer({ min: 2000, max: 2100 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}`);

/** The Agreement page's pure logic: trend months, version timelines, diff values, underpinning. */
describe("the console's Agreement page logic", () => {
  it('counts months across year ends', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(trendMonths('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });

  it('ends a trend with its period, one month apart, oldest first', () => {
    fc.assert(
      fc.property(month, fc.integer({ min: 1, max: 36 }), (period, count) => {
        const months = trendMonths(period, count);
        expect(months).toHaveLength(count);
        expect(months.at(-1)).toBe(period);
        months.slice(1).forEach((later, index) => expect(shiftMonth(months[index]!, 1)).toBe(later));
        expect([...months].sort()).toEqual(months);
      }),
    );
  });

  it('moving a month forth and back returns to it', () => {
    fc.assert(
      fc.property(month, fc.integer({ min: -600, max: 600 }), (period, months) => {
        expect(shiftMonth(shiftMonth(period, months), -months)).toBe(period);
      }),
    );
  });

  it('compares the latest version with the one before by default, and takes only known versions from the URL', () => {
    expect(defaultDiffVersions(3)).toEqual({ from: 2, to: 3 });
    expect(defaultDiffVersions(1)).toEqual({ from: 1, to: 1 });
    expect(versionParameter('2', 3)).toBe(2);
    expect(versionParameter('4', 3)).toBeUndefined();
    expect(versionParameter('0', 3)).toBeUndefined();
    expect(versionParameter('1.5', 3)).toBeUndefined();
    expect(versionParameter(null, 3)).toBeUndefined();
  });

  it('writes diff values on one line, instants through the formatter', () => {
    expect(diffValueText(undefined)).toBe('—');
    expect(diffValueText('CR-1')).toBe('CR-1');
    expect(diffValueText('2026-04-01T00:00:00.000Z', () => '1 April')).toBe('1 April');
    expect(diffValueText([{ serviceId: 'mail' }])).toBe('[{"serviceId":"mail"}]');
    expect(diffValueText(99.9)).toBe('99.9');
  });

  it('puts each version’s steps in order: drafted, submitted, signed by each party, approved', () => {
    const [timeline] = versionTimeline(
      [
        {
          version: 2,
          status: 'approved',
          changeRequest: 'CR-7',
          basedOnVersion: 1,
          draftedAt: '2026-01-12T09:00:00Z',
          draftedBy: 'slm',
          approvedAt: '2026-01-15T15:00:00Z',
          signatures: [
            {
              party: 'counterparty',
              actor: 'buyer',
              signedAt: '2026-01-15T15:00:00Z',
              signatory: { name: 'B', title: 'Buyer' },
            },
            {
              party: 'provider',
              actor: 'slm',
              signedAt: '2026-01-15T10:00:00Z',
              signatory: { name: 'A', title: 'SLM' },
            },
          ],
          content: { effectiveFrom: '2026-02-01T00:00:00Z' },
        },
      ],
      [
        { event: 'AgreementVersionSubmitted', version: 1, actor: 'other', occurredAt: '2025-12-01T00:00:00Z' },
        { event: 'AgreementVersionSubmitted', version: 2, actor: 'slm', occurredAt: '2026-01-13T09:00:00Z' },
      ],
    );
    expect(timeline!.effectiveFrom).toBe('2026-02-01T00:00:00Z');
    expect(timeline!.steps.map((step) => (step.kind === 'signed' ? `signed ${step.party}` : step.kind))).toEqual([
      'drafted',
      'submitted',
      'signed provider',
      'signed counterparty',
      'approved',
    ]);
    expect(timeline!.steps[0]).toMatchObject({ amendment: true, actor: 'slm' });
  });

  it('lists the OLAs and UCs a version leans on, once each, with the targets they support', () => {
    const content = {
      serviceTargets: [
        { serviceId: 'mail', priority: 'P1', supportedBy: [{ agreementId: 'ola-desk' }] },
        { serviceId: 'mail', priority: 'P2', supportedBy: [{ agreementId: 'ola-desk' }] },
        { serviceId: 'web', priority: 'P1', supportedBy: [] },
      ],
      availabilityTargets: [
        { serviceId: 'mail', supportedBy: [{ agreementId: 'uc-host' }, { agreementId: 'ola-desk' }] },
      ],
    };
    expect(underpinningAgreements(content)).toEqual([
      {
        agreementId: 'ola-desk',
        targets: [
          { serviceId: 'mail', priority: 'P1' },
          { serviceId: 'mail', priority: 'P2' },
          { serviceId: 'mail', priority: null },
        ],
      },
      { agreementId: 'uc-host', targets: [{ serviceId: 'mail', priority: null }] },
    ]);
    expect(underpinningAgreements({})).toEqual([]);
  });

  it('finds the target of a service, priority and measure', () => {
    const response = { duration: { unit: 'business-minutes', amount: 30 }, calendarId: 'c' };
    const content = { serviceTargets: [{ serviceId: 'mail', priority: 'P1', response, resolution: response }] };
    expect(targetOf(content, 'mail', 'P1', 'response')).toEqual(response);
    expect(targetOf(content, 'mail', 'P2', 'response')).toBeUndefined();
  });
});
