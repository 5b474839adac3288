import { useQuery } from '@tanstack/react-query';
import { api, required } from '../api/client';
import type { paths } from '../api/schema';

type PortfolioAnswer = paths['/compliance/portfolio']['get']['responses'][200]['content']['application/json'];
export type PortfolioRow = PortfolioAnswer['agreements'][number];
type ReportsAnswer = paths['/reports']['get']['responses'][200]['content']['application/json'];
export type ReportRow = ReportsAnswer['items'][number];
export type PortfolioFilters = { period: string; customer?: string | undefined; service?: string | undefined };

export function usePortfolio(filters: PortfolioFilters) {
  return useQuery({
    queryKey: ['portfolio', filters],
    queryFn: () =>
      required(
        api.GET('/compliance/portfolio', {
          params: { query: { period: filters.period, customer: filters.customer, service: filters.service } },
        }),
      ),
  });
}

/** Every report of the period, all pages (a period has a few per agreement). */
export function usePeriodReports(period: string) {
  return useQuery({
    queryKey: ['reports', period],
    queryFn: async () => {
      const reports: ReportRow[] = [];
      let cursor: string | undefined;
      do {
        const page = await required(api.GET('/reports', { params: { query: { period, limit: 500, cursor } } }));
        reports.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return reports;
    },
  });
}

/** Due: not yet published and its deadline not passed. Late: past its deadline unpublished, or published late. */
export function reportCounts(reports: readonly ReportRow[], agreementId: string) {
  const own = reports.filter((report) => report.agreementId === agreementId);
  return {
    due: own.filter((report) => report.publishedAt === null && !report.overdue).length,
    late: own.filter((report) => report.overdue || report.onTime === false).length,
  };
}
