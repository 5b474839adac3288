/**
 * Local dates as day numbers (days since 1970-01-01 in the proleptic
 * Gregorian calendar): building a calendar's index walks millions of days,
 * and integer arithmetic keeps that walk cheap. Algorithms from Howard
 * Hinnant, "chrono-Compatible Low-Level Date Algorithms".
 */
export type DayNumber = number;

export function dayNumberOf(year: number, month: number, day: number): DayNumber {
  const shifted = month <= 2 ? year - 1 : year;
  const era = Math.floor(shifted / 400);
  const yearOfEra = shifted - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function dateOfDayNumber(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const shifted = dayNumber + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const leapDays = Math.floor(dayOfEra / 1460) - Math.floor(dayOfEra / 36_524) + Math.floor(dayOfEra / 146_096);
  const yearOfEra = Math.floor((dayOfEra - leapDays) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** `YYYY-MM-DD` to a day number. */
export function parseLocalDate(date: string): DayNumber {
  const [year, month, day] = date.split('-').map(Number);
  return dayNumberOf(year, month, day);
}

export function formatLocalDate(dayNumber: DayNumber): string {
  const { year, month, day } = dateOfDayNumber(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayIndex(dayNumber: DayNumber): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}
