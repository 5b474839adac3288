/** The month of the browser's clock, as the period pickers and the API name it (2026-03). */
export function currentMonth(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** The months a period picker offers: the last three years up to the current month, and the one in the URL. */
export function monthChoices(selected: string, locale: string): { value: string; label: string }[] {
  const [year, month] = currentMonth().split('-').map(Number);
  const months = new Set([selected]);
  for (let back = 0; back < 36; back += 1) {
    const date = new Date(Date.UTC(year!, month! - 1 - back, 1));
    months.add(`${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  const name = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  return [...months]
    .sort()
    .reverse()
    .map((value) => ({ value, label: name.format(new Date(`${value}-01T00:00:00Z`)) }));
}
