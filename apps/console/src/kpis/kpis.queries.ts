import { useQueries, useQuery } from '@tanstack/react-query';
import { api, required } from '../api/client';
import type { paths } from '../api/schema';

type Ok<Path extends keyof paths> = paths[Path] extends {
  get: { responses: { 200: { content: { 'application/json': infer Body } } } };
}
  ? Body
  : never;

export type YearAgreement = Ok<'/compliance/portfolio'>['agreements'][number];
export type Kpi = Ok<'/compliance/agreements/{agreementId}/kpis'>[number];
export type Report = Ok<'/reports'>['items'][number];

/** Every agreement in force at some time of the year, with its time zone (the portfolio of the year). */
export function useYearAgreements(year: string) {
  return useQuery({
    queryKey: ['portfolio', { period: year }],
    queryFn: () => required(api.GET('/compliance/portfolio', { params: { query: { period: year } } })),
  });
}

/** The KPIs of each month, in the agreement's time zone: one request a month, as the API measures a period. */
export function useMonthlyKpis(agreement: YearAgreement | undefined, months: readonly string[]) {
  return useQueries({
    queries: months.map((month) => ({
      queryKey: ['kpis', agreement?.agreementId, month, agreement?.timeZone],
      enabled: agreement !== undefined,
      queryFn: () =>
        required(
          api.GET('/compliance/agreements/{agreementId}/kpis', {
            params: {
              path: { agreementId: agreement!.agreementId },
              query: { period: month, timeZone: agreement!.timeZone },
            },
          }),
        ),
    })),
  });
}

/** Every report of the agreement (a few a month), for the timeliness of the reports due each month. */
export function useAgreementReports(agreementId: string | undefined) {
  return useQuery({
    queryKey: ['reports', 'agreement', agreementId],
    enabled: agreementId !== undefined,
    queryFn: async () => {
      const reports: Report[] = [];
      let cursor: string | undefined;
      do {
        const page = await required(
          api.GET('/reports', { params: { query: { agreementId: agreementId!, limit: 500, cursor } } }),
        );
        reports.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return reports;
    },
  });
}

export type Timeliness = { due: number; onTime: number; late: number; overdue: number; open: number };

/**
 * The reports due in a month (by due date): published by the deadline, published after it, past it unpublished
 * (overdue), or not yet due. Each report's standing is the API's (onTime, overdue); only the counting is here.
 */
export function reportTimeliness(reports: readonly Report[], month: string): Timeliness {
  const due = reports.filter((report) => report.dueDate.startsWith(month));
  return {
    due: due.length,
    onTime: due.filter((report) => report.onTime === true).length,
    late: due.filter((report) => report.onTime === false).length,
    overdue: due.filter((report) => report.overdue).length,
    open: due.filter((report) => report.onTime === null && !report.overdue).length,
  };
}
