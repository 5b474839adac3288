import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, required } from '../api/client';
import type { paths } from '../api/schema';
import { statusAfter, type ReportStep } from './report-changes';

type ListAnswer = paths['/reports']['get']['responses'][200]['content']['application/json'];
export type ReportListItem = ListAnswer['items'][number];
export type ReportRevision =
  paths['/reports/{reportId}/revisions/{revision}']['get']['responses'][200]['content']['application/json'];
export type Comparison =
  paths['/reports/{reportId}/comparison']['get']['responses'][200]['content']['application/json'];
export type ContentChange = Comparison['changes'][number];
export type ListFilters = {
  status: 'all' | 'unpublished' | 'overdue' | 'published';
  agreementId?: string | undefined;
  period?: string | undefined;
};

/** An error the API answered with: its stable code, its message and the offending fields, for showing in place. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(message);
  }
}

/** Every report the filters select, all pages (a year has a few per agreement). */
export function useReportList(filters: ListFilters) {
  return useQuery({
    queryKey: ['reports', 'list', filters],
    queryFn: async () => {
      const items: ReportListItem[] = [];
      let cursor: string | undefined;
      do {
        const query = { ...filters, limit: 500, cursor };
        const page = await required(api.GET('/reports', { params: { query } }));
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
  });
}

/** Agreement titles by id, so the pages name an agreement rather than show its id alone. */
export function useAgreementTitles() {
  return useQuery({
    queryKey: ['agreements', 'titles'],
    staleTime: 60_000,
    queryFn: async () => {
      const titles = new Map<string, string>();
      let cursor: string | undefined;
      do {
        const page = await required(api.GET('/agreements', { params: { query: { limit: 500, cursor } } }));
        for (const agreement of page.items) titles.set(agreement.agreementId, agreement.title);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return titles;
    },
  });
}

const fetchRevision = (reportId: string, revision: number) =>
  required(
    api.GET('/reports/{reportId}/revisions/{revision}', { params: { path: { reportId, revision: String(revision) } } }),
  );

export function useRevision(reportId: string, revision: number | undefined) {
  return useQuery({
    queryKey: ['reports', reportId, 'revision', revision],
    enabled: revision !== undefined,
    queryFn: () => fetchRevision(reportId, revision!),
  });
}

/**
 * The report's row in the list (its newest revision, due date and timeliness), found through the first revision's
 * agreement, period and audience: the list has no filter by report id.
 */
export function useListing(reportId: string, first: ReportRevision | undefined) {
  const content = first?.content;
  return useQuery({
    queryKey: ['reports', reportId, 'listing'],
    enabled: content !== undefined,
    queryFn: async () => {
      const query = {
        agreementId: content!.agreementId,
        period: content!.period,
        audience: content!.audience,
        limit: 500,
      };
      const page = await required(api.GET('/reports', { params: { query } }));
      const item = page.items.find((candidate) => candidate.reportId === reportId);
      if (!item) throw new Error(`report '${reportId}' is not in the list`);
      return item;
    },
  });
}

/** Every revision from 1 to the newest, for the revision list. */
export function useRevisions(reportId: string, latest: number | undefined) {
  return useQuery({
    queryKey: ['reports', reportId, 'revisions', latest],
    enabled: latest !== undefined,
    queryFn: () => Promise.all(Array.from({ length: latest! }, (_, index) => fetchRevision(reportId, index + 1))),
  });
}

/** The revision as the API renders it in HTML, shown in a sandboxed frame (its own labels in en or zh). */
export function useRevisionHtml(reportId: string, revision: number | undefined, language: 'en' | 'zh' | undefined) {
  return useQuery({
    queryKey: ['reports', reportId, 'html', revision, language],
    enabled: revision !== undefined && language !== undefined,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/reports/{reportId}/revisions/{revision}/html', {
        params: { path: { reportId, revision: String(revision) }, query: { language: language! } },
        parseAs: 'text',
      });
      // The OpenAPI document names no body type for text/html; parseAs 'text' gives the page as a string.
      const page: unknown = data;
      if (error !== undefined || typeof page !== 'string') throw new Error(`${response.status} ${response.statusText}`);
      return page;
    },
  });
}

export function useComparison(reportId: string, range: { from: number; to: number } | undefined) {
  return useQuery({
    queryKey: ['reports', reportId, 'comparison', range],
    enabled: range !== undefined,
    queryFn: () =>
      required(
        api.GET('/reports/{reportId}/comparison', {
          params: { path: { reportId }, query: { from: String(range!.from), to: String(range!.to) } },
        }),
      ),
  });
}

const STEP_PATHS = {
  review: '/reports/{reportId}/review',
  approval: '/reports/{reportId}/approval',
  publication: '/reports/{reportId}/publication',
} as const;

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/**
 * Review, approve or publish the open revision. The actor is the signed-in principal, or with access control off the
 * `X-Actor` header the API requires on writes. The API answers once the event is stored; its read model follows a
 * moment later, so the step waits until the revision reads the new status before the page refreshes.
 */
export function useReportStep(reportId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { step: ReportStep; revision: number; actor?: string | undefined; notes?: string }) => {
      const header = input.actor === undefined ? {} : { 'X-Actor': input.actor };
      const params = { path: { reportId }, header };
      const { error, response } =
        input.step === 'review'
          ? await api.POST(STEP_PATHS.review, { params, body: { notes: input.notes ?? '' } })
          : await api.POST(STEP_PATHS[input.step], { params, body: {} });
      if (error !== undefined || !response.ok) {
        const detail = (
          error as { error?: { code?: string; message?: string; issues?: { path: string; message: string }[] } }
        )?.error;
        throw new ApiError(response.status, detail?.code, detail?.message ?? response.statusText, detail?.issues ?? []);
      }
      const wanted = statusAfter(input.step);
      for (let attempt = 0; attempt < 60; attempt += 1) {
        if ((await fetchRevision(reportId, input.revision)).status === wanted) break;
        await pause(250);
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['reports'] }),
  });
}
