import fc from 'fast-check';
import {
  formatCount,
  formatDuration,
  formatInstant,
  formatPeriod,
  tablePercent,
  targetPercent,
  truncateDecimal,
} from './report-format';
import {
  FOLLOW_UP_STATUSES,
  LABEL_KEYS,
  LABELS,
  METRICS,
  nameOf,
  PLAN_PHASES,
  REPORT_KPIS,
  REPORT_LANGUAGES,
  REVISION_STATUSES,
  VALUE_NAMES,
} from './report-labels';

/** The exact value of a decimal text as a fraction over 10^scale, for comparing without floats. */
const scaled = (text: string, scale: number) => {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole) * 10n ** BigInt(scale) + BigInt(fraction.padEnd(scale, '0').slice(0, scale) || '0');
};

describe('report figures for a reader', () => {
  it('cut percentages to two places, never rounding up to meet a target', () => {
    expect(truncateDecimal('99.995')).toBe('99.99');
    expect(truncateDecimal('98.295454')).toBe('98.29');
    expect(truncateDecimal('99.999999')).toBe('99.99');
    expect(truncateDecimal('100')).toBe('100.00');
    expect(truncateDecimal('50.0000')).toBe('50.00');
    expect(truncateDecimal('7')).toBe('7.00');
    expect(truncateDecimal(99.5)).toBe('99.50');
    expect(tablePercent('33.3333')).toBe('33.33 %');
    expect(tablePercent(null)).toBe('—');
  });

  it('truncation property: two places, never above the exact value, less than 0.01 below it', () => {
    const decimal = fc
      .tuple(fc.integer({ min: 0, max: 100 }), fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 12 }))
      // A percentage: 100 is the largest (it drew 100.005 once, which is no percentage and showed as 100.00).
      .filter(([whole, fraction]) => whole < 100 || /^0*$/.test(fraction))
      .map(([whole, fraction]) => (fraction ? `${whole}.${fraction}` : String(whole)));
    fc.assert(
      fc.property(decimal, (exact) => {
        const shown = truncateDecimal(exact);
        expect(shown).toMatch(/^\d+\.\d{2}$/);
        const scale = 14;
        const [value, cut] = [scaled(exact, scale), scaled(shown, scale)];
        expect(cut <= value).toBe(true);
        expect(value - cut < 10n ** BigInt(scale - 2)).toBe(true);
        // Only an exact 100 shows as 100.00.
        if (shown === '100.00') expect(value).toBe(100n * 10n ** BigInt(scale));
      }),
      { numRuns: 500 },
    );
  });

  it('show a target as agreed, never with a digit less than the agreement', () => {
    expect(targetPercent(99.5)).toBe('99.50 %');
    expect(targetPercent(99.995)).toBe('99.995 %');
    expect(targetPercent(100)).toBe('100.00 %');
  });

  it("show instants on the wall clock of the report's zone, in its language, across a DST change", () => {
    // T4's resolution breach: 09:00 UTC is 10:00 in Berlin in winter time.
    expect(formatInstant('2026-03-17T09:00:00.000Z', 'Europe/Berlin', 'en')).toBe('17 Mar 2026 10:00');
    expect(formatInstant('2026-03-17T09:00:00.000Z', 'Europe/Berlin', 'zh')).toBe('2026年3月17日 10:00');
    // After the change on 29 March the offset is two hours.
    expect(formatInstant('2026-03-31T11:00:00.000Z', 'Europe/Berlin', 'en')).toBe('31 Mar 2026 13:00');
    // Late at night in UTC is the next day in Shanghai.
    expect(formatInstant('2026-03-31T20:30:00Z', 'Asia/Shanghai', 'zh')).toBe('2026年4月1日 04:30');
    expect(formatInstant(null, 'UTC', 'en')).toBe('—');
  });

  it('name periods, counts and target times as a reader does', () => {
    expect([
      formatPeriod('2026-03', 'en'),
      formatPeriod('2026-Q1', 'en'),
      formatPeriod('2026-H2', 'en'),
      formatPeriod('2026', 'en'),
    ]).toEqual(['March 2026', 'Q1 2026', 'H2 2026', '2026']);
    expect([
      formatPeriod('2026-03', 'zh'),
      formatPeriod('2026-Q4', 'zh'),
      formatPeriod('2026-H1', 'zh'),
      formatPeriod('2026', 'zh'),
    ]).toEqual(['2026年3月', '2026年第4季度', '2026年上半年', '2026年']);
    expect(formatCount(17_500)).toBe('17,500');
    expect(formatDuration({ unit: 'business-hours', amount: 4 }, 'en')).toBe('4 business hours');
    expect(formatDuration({ unit: 'working-days', amount: 1 }, 'en')).toBe('1 working day');
    expect(formatDuration({ unit: 'business-minutes', amount: 30 }, 'zh')).toBe('30 工作分钟');
    expect(formatDuration({ unit: 'business-hours', amount: 0.5 }, 'en')).toBe('30 business minutes');
    expect(formatDuration({ unit: 'business-hours', amount: 12 }, 'zh')).toBe('12 个工作小时');
  });
});

describe('report labels', () => {
  it('are complete and non-empty in every language', () => {
    for (const language of REPORT_LANGUAGES) {
      expect(Object.keys(LABELS[language]).sort()).toEqual([...LABEL_KEYS].sort());
      for (const key of LABEL_KEYS) expect(LABELS[language][key].trim()).not.toBe('');
    }
  });

  it('name every status, KPI, metric and phase in every language; Chinese never falls back to the English id', () => {
    const kinds = {
      status: REVISION_STATUSES,
      followUp: FOLLOW_UP_STATUSES,
      phase: PLAN_PHASES,
      metric: METRICS,
      kpi: REPORT_KPIS,
      kpiGoal: REPORT_KPIS,
    } as const;
    for (const language of REPORT_LANGUAGES) {
      for (const [kind, values] of Object.entries(kinds) as [keyof typeof kinds, readonly string[]][]) {
        expect(Object.keys(VALUE_NAMES[language][kind]).sort()).toEqual([...values].sort());
        for (const value of values) expect(nameOf(language, kind, value).trim()).not.toBe('');
      }
    }
    for (const [kind, values] of Object.entries({
      status: REVISION_STATUSES,
      followUp: FOLLOW_UP_STATUSES,
      kpi: REPORT_KPIS,
      metric: METRICS,
    }) as [keyof typeof kinds, readonly string[]][]) {
      for (const value of values) expect(nameOf('zh', kind, value)).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(nameOf('zh', 'status', 'published')).toBe('已发布');
    expect(nameOf('zh', 'kpi', 'all-targets-met')).toBe('全部目标达成');
    // A value a later version adds is shown as it is, not dropped.
    expect(nameOf('zh', 'phase', 'a-new-phase')).toBe('a-new-phase');
    expect(nameOf('en', 'kpi', 'constructor')).toBe('constructor');
  });
});
