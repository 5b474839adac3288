import { useQuery } from '@tanstack/react-query';
import { api, required } from '../api/client';
import type { paths } from '../api/schema';

type Answer<Path extends keyof paths> = paths[Path] extends {
  get: { responses: { 200: { content: { 'application/json': infer Body } } } };
}
  ? Body
  : never;

export type PortfolioAgreement = Answer<'/compliance/portfolio'>['agreements'][number];
export type ReplayStep = Answer<'/audit/agreements/{agreementId}/replay'>[number];
export type HistoryEntry = Answer<'/agreements/{agreementId}/history'>[number];
export type Figure = Answer<'/compliance/agreements/{agreementId}/response-resolution'>[number];
export type Restatement = Answer<'/compliance/agreements/{agreementId}/restatement'>;
export type AvailabilityTerm = Answer<'/compliance/agreements/{agreementId}/availability'>['terms'][number];
export type TreeHead = Answer<'/audit/tree-heads'>['items'][number];
type Report = Answer<'/reports'>['items'][number];

/** What /health says of the audit log's sealing (its schema is open: these are the fields the page reads). */
export type SealState = {
  auditSeal?: { status: 'sealing' | 'stopped'; findings: { eventId: string; kind: string; detail: string }[] };
  headWitness?: { witness: string; headsBehind: number; behindSeconds: number; lastError: string | null } | null;
};

/** The agreements of the month, to choose from (the portfolio names each one's title and time zone). */
export function useAgreementsOfPeriod(period: string) {
  return useQuery({
    queryKey: ['audit-trail', 'agreements', period],
    queryFn: async () =>
      (await required(api.GET('/compliance/portfolio', { params: { query: { period } } }))).agreements,
  });
}

export function useReplay(agreementId: string | undefined, allowed: boolean) {
  return useQuery({
    queryKey: ['audit-trail', 'replay', agreementId],
    enabled: !!agreementId && allowed,
    queryFn: () =>
      required(api.GET('/audit/agreements/{agreementId}/replay', { params: { path: { agreementId: agreementId! } } })),
  });
}

export function useHistory(agreementId: string | undefined) {
  return useQuery({
    queryKey: ['audit-trail', 'history', agreementId],
    enabled: !!agreementId,
    queryFn: () =>
      required(api.GET('/agreements/{agreementId}/history', { params: { path: { agreementId: agreementId! } } })),
  });
}

export function useInForce(agreementId: string | undefined, at: string | null) {
  return useQuery({
    queryKey: ['audit-trail', 'in-force', agreementId, at],
    enabled: !!agreementId && !!at,
    queryFn: () =>
      required(
        api.GET('/agreements/{agreementId}/in-force', {
          params: { path: { agreementId: agreementId! }, query: { at: at! } },
        }),
      ),
  });
}

/** The period's first published report (the earliest recorded publication): "as reported" means as known then. */
export function useFirstPublication(agreementId: string | undefined, period: string) {
  return useQuery({
    queryKey: ['audit-trail', 'publication', agreementId, period],
    enabled: !!agreementId,
    queryFn: async () => {
      const page = await required(
        api.GET('/reports', {
          params: { query: { agreementId: agreementId!, period, status: 'published', limit: 100 } },
        }),
      );
      const published = page.items.filter(
        (report): report is Report & { publishedRecordedAt: string } => report.publishedRecordedAt !== null,
      );
      return published.sort((a, b) => a.publishedRecordedAt.localeCompare(b.publishedRecordedAt))[0] ?? null;
    },
  });
}

type PeriodRequest = { agreementId: string | undefined; period: string; timeZone: string | undefined };

export function useResponseResolution({ agreementId, period, timeZone }: PeriodRequest) {
  return useQuery({
    queryKey: ['audit-trail', 'response-resolution', agreementId, period, timeZone],
    enabled: !!agreementId && !!timeZone,
    queryFn: () =>
      required(
        api.GET('/compliance/agreements/{agreementId}/response-resolution', {
          params: { path: { agreementId: agreementId! }, query: { period, timeZone: timeZone! } },
        }),
      ),
  });
}

export function useRestatement({ agreementId, period, timeZone }: PeriodRequest, reportedAt: string | null) {
  return useQuery({
    queryKey: ['audit-trail', 'restatement', agreementId, period, timeZone, reportedAt],
    enabled: !!agreementId && !!timeZone && !!reportedAt,
    queryFn: () =>
      required(
        api.GET('/compliance/agreements/{agreementId}/restatement', {
          params: {
            path: { agreementId: agreementId! },
            query: { period, timeZone: timeZone!, reportedAt: reportedAt! },
          },
        }),
      ),
  });
}

/** Availability as known now (knownAt null) or as known at a recorded time. */
export function useAvailability({ agreementId, period, timeZone }: PeriodRequest, knownAt: string | null, on = true) {
  return useQuery({
    queryKey: ['audit-trail', 'availability', agreementId, period, timeZone, knownAt],
    enabled: !!agreementId && !!timeZone && on,
    queryFn: () =>
      required(
        api.GET('/compliance/agreements/{agreementId}/availability', {
          params: {
            path: { agreementId: agreementId! },
            query: { period, timeZone: timeZone!, ...(knownAt ? { knownAt } : {}) },
          },
        }),
      ),
  });
}

/** The latest signed tree head of the audit log, and the key that signed it. */
export function useLatestTreeHead(allowed: boolean) {
  return useQuery({
    queryKey: ['audit-trail', 'tree-head'],
    enabled: allowed,
    queryFn: async () => {
      const page = await required(api.GET('/audit/tree-heads', { params: { query: { limit: 1 } } }));
      return page.items[0] ?? null;
    },
  });
}

/** The sealer's state as /health reports it: the product records no verification run (`audit verify` prints only). */
export function useSealState() {
  return useQuery({
    queryKey: ['audit-trail', 'seal-state'],
    queryFn: async () => (await required(api.GET('/health'))) as SealState,
  });
}

/** The API's download of the bundle; a plain link, so the browser saves the file with the session cookie it holds. */
export function evidenceBundleHref(agreementId: string, period: string, timeZone: string): string {
  const query = new URLSearchParams({ period, timeZone });
  return `/audit/agreements/${encodeURIComponent(agreementId)}/evidence-bundle?${query.toString()}`;
}
