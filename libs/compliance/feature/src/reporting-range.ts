import { z } from 'zod';
import { reportingRange } from '@sla/compliance-domain';
import { RequestValidationError } from '@sla/nest-platform';
import type { rangeQuery } from './compliance.schemas';

/** The reporting range a compliance query names: a period in its time zone, or from and to. */
export function rangeOf(query: z.infer<typeof rangeQuery>): { from: Date; to: Date } {
  if (query.period !== undefined) {
    if (query.from || query.to)
      throw new RequestValidationError('query', [
        { path: 'period', message: 'give a period or from and to, not both' },
      ]);
    const range = reportingRange(query.period, query.timeZone);
    if (!range)
      throw new RequestValidationError('query', [
        { path: 'period', message: 'a month (2026-03), quarter (2026-Q1), half (2026-H2) or year (2026)' },
      ]);
    return { from: new Date(range.from), to: new Date(range.to) };
  }
  if (!query.from || !query.to)
    throw new RequestValidationError('query', [
      { path: query.from ? 'to' : 'from', message: 'required without a period' },
    ]);
  const [from, to] = [new Date(query.from), new Date(query.to)];
  if (to <= from) throw new RequestValidationError('query', [{ path: 'to', message: 'must be after from' }]);
  return { from, to };
}

export const optionalDate = (value: string | undefined) => (value === undefined ? undefined : new Date(value));
