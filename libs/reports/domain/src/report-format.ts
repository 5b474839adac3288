import { Temporal } from 'temporal-polyfill';
import { parseReportingPeriod } from '@sla/compliance-domain';
import type { ReportLanguage } from './report-labels';

/** Digits after the decimal point in a report's tables; the content keeps the exact figure. */
export const TABLE_PERCENT_DIGITS = 2;

const DECIMAL = /^(-?)(\d+)(?:\.(\d*))?$/;

/**
 * A decimal figure cut (never rounded) to `digits` places: 99.995 shows as
 * 99.99, so a figure below a target never looks as if it reached it. Works
 * on the decimal text, not on a binary float. Anything that is not a plain
 * decimal is returned as it is.
 */
export function truncateDecimal(value: string | number, digits: number = TABLE_PERCENT_DIGITS): string {
  const text = typeof value === 'number' ? numberText(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = ''] = match;
  const cut = fraction.slice(0, digits).padEnd(digits, '0');
  const negative = sign === '-' && /[1-9]/.test(whole + cut);
  return `${negative ? '-' : ''}${whole}${digits > 0 ? `.${cut}` : ''}`;
}

/** A number's decimal text without exponent notation (targets such as 99.5 or 1e-7 %). */
function numberText(value: number): string {
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** An exact percentage for a table: "98.29 %", "—" when there is none. */
export const tablePercent = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? '—' : `${truncateDecimal(value)} %`;

/**
 * An agreed target as agreed: at least two places, but never a digit less
 * than the agreement has (a 99.995 % target is not shown as 99.99 %).
 */
export function targetPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const text = numberText(value);
  const places = text.split('.')[1]?.length ?? 0;
  return `${places >= TABLE_PERCENT_DIGITS ? text : truncateDecimal(text, TABLE_PERCENT_DIGITS)} %`;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const EN_MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const two = (value: number) => String(value).padStart(2, '0');

/**
 * An instant on the wall clock of the report's zone, to the minute, in the
 * report's language: "17 Mar 2026 10:00" / "2026年3月17日 10:00". The zone
 * itself is named once, in the report's header and column titles. Written
 * out by hand rather than through Intl so the bytes of a PDF do not depend
 * on the ICU data of the machine that renders it.
 */
export function formatInstant(iso: string | null | undefined, timeZone: string, language: ReportLanguage): string {
  if (!iso) return '—';
  const time = Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone);
  const clock = `${two(time.hour)}:${two(time.minute)}`;
  return language === 'zh'
    ? `${time.year}年${time.month}月${time.day}日 ${clock}`
    : `${time.day} ${EN_MONTHS[time.month - 1]} ${time.year} ${clock}`;
}

/** The calendar day of an instant in the report's zone: "30 Sep 2025" / "2025年9月30日". */
export function formatDay(iso: string | null | undefined, timeZone: string, language: ReportLanguage): string {
  if (!iso) return '—';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(iso)
    ? Temporal.PlainDate.from(iso)
    : Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone).toPlainDate();
  return language === 'zh'
    ? `${day.year}年${day.month}月${day.day}日`
    : `${day.day} ${EN_MONTHS[day.month - 1]} ${day.year}`;
}

/**
 * A reporting period as a reader names it: "March 2026", "Q1 2026", "H2 2026" /
 * "2026年3月", "2026年第1季度", "2026年下半年".
 */
export function formatPeriod(period: string, language: ReportLanguage): string {
  const parsed = parseReportingPeriod(period);
  if (!parsed) return period;
  const { year, month } = parsed.start;
  const zh = language === 'zh';
  switch (parsed.frequency) {
    case 'monthly':
      return zh ? `${year}年${month}月` : `${EN_MONTHS_LONG[month - 1]} ${year}`;
    case 'quarterly':
      return zh ? `${year}年第${(month + 2) / 3}季度` : `Q${(month + 2) / 3} ${year}`;
    case 'half-yearly':
      return zh ? `${year}年${month === 1 ? '上' : '下'}半年` : `H${month === 1 ? 1 : 2} ${year}`;
    case 'yearly':
      return zh ? `${year}年` : String(year);
  }
}

/** A count with thousands separators: 17,500. */
export const formatCount = (value: number): string => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export type TargetDuration = { unit: 'business-minutes' | 'business-hours' | 'working-days' | string; amount: number };

const UNIT_NAMES: Record<ReportLanguage, Readonly<Record<string, readonly [string, string]>>> = {
  en: {
    'business-minutes': ['business minute', 'business minutes'],
    'business-hours': ['business hour', 'business hours'],
    'working-days': ['working day', 'working days'],
  },
  zh: {
    'business-minutes': ['工作分钟', '工作分钟'],
    'business-hours': ['个工作小时', '个工作小时'],
    'working-days': ['个工作日', '个工作日'],
  },
};

/** A response or resolution target: "4 business hours", "30 business minutes" (not "0.5 …") / "4 个工作小时". */
export function formatDuration(duration: TargetDuration | null | undefined, language: ReportLanguage): string {
  if (!duration) return '—';
  const inMinutes = duration.unit === 'business-hours' && duration.amount < 1 && Number.isInteger(duration.amount * 60);
  const { amount, unit } = inMinutes ? { amount: duration.amount * 60, unit: 'business-minutes' } : duration;
  const names = Object.hasOwn(UNIT_NAMES[language], unit) ? UNIT_NAMES[language][unit] : ([unit, unit] as const);
  return `${amount} ${amount === 1 ? names[0] : names[1]}`;
}
