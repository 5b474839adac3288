/**
 * Figures as the user's locale writes them. Percentages arrive from the API as exact decimals already truncated
 * (never rounded up: 99.995 % must not read as 100 %); they are cut to two places here, never rounded.
 */
export function formatPercent(value: string, locale: string): string {
  const [whole, fraction = ''] = value.split('.');
  const truncated = Number(`${whole}.${fraction.padEnd(2, '0').slice(0, 2)}`);
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${number.format(truncated)} %`;
}

/** A target percentage as agreed (99.9), with as many places as it has. */
export function formatTarget(value: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(value)} %`;
}

export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** Whole minutes (cut, not rounded: a budget is never shown larger than it is), with hours above 60. */
export function formatDuration(milliseconds: number, locale: string): string {
  const minutes = Math.floor(milliseconds / 60_000);
  const unit = (value: number, name: 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${unit(hours, 'hour')} ${unit(minutes % 60, 'minute')}` : unit(minutes, 'minute');
}

/** [from, to) as the dates it covers in the agreement's time zone. */
export function formatPeriod(from: string, to: string, timeZone: string, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  return format.formatRange(new Date(from), new Date(Date.parse(to) - 1));
}

/** An instant in the user's locale; in the given time zone (an agreement's) when there is one, else the browser's. */
export function formatInstant(instant: string, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(instant));
}

/** A calendar date (2026-02-04, a due date) as the locale writes it; no time zone shifts a plain date. */
export function formatDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}
