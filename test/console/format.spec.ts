import { formatDuration, formatPercent, formatTarget } from '../../apps/console/src/i18n/format';

/** The console's figures: exact percentages cut, never rounded up; budgets never shown larger than they are. */
describe("the console's number formats", () => {
  it('cuts a percentage to two places: 99.995 % stays below 100 %', () => {
    expect(formatPercent('99.9950', 'en')).toBe('99.99 %');
    expect(formatPercent('99.9999', 'en')).toBe('99.99 %');
    expect(formatPercent('100', 'en')).toBe('100.00 %');
    expect(formatPercent('97.5', 'zh-CN')).toBe('97.50 %');
  });

  it('writes targets with the places they were agreed with', () => {
    expect(formatTarget(99.995, 'en')).toBe('99.995 %');
    expect(formatTarget(99.5, 'zh-CN')).toBe('99.5 %');
  });

  it('cuts a downtime budget to whole minutes, with hours from 60 minutes', () => {
    const minute = 60_000;
    expect(formatDuration(59 * minute + 59_999, 'en')).toBe(
      new Intl.NumberFormat('en', { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(59),
    );
    const hours = new Intl.NumberFormat('zh-CN', { style: 'unit', unit: 'hour', unitDisplay: 'short' }).format(1);
    const minutes = new Intl.NumberFormat('zh-CN', { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(44);
    expect(formatDuration(104 * minute + 30_000, 'zh-CN')).toBe(`${hours} ${minutes}`);
  });
});
