import { useQueries, useQuery } from '@tanstack/react-query';
import { api, required } from '../api/client';
import type { paths } from '../api/schema';

type Ok<Path extends keyof paths> = paths[Path] extends {
  get: { responses: { 200: { content: { 'application/json': infer Body } } } };
}
  ? Body
  : never;

export type AgreementAnswer = Ok<'/agreements/{agreementId}'>;
export type AgreementVersion = AgreementAnswer['versions'][number];
export type HistoryEntry = Ok<'/agreements/{agreementId}/history'>[number];
export type DiffAnswer = Ok<'/agreements/{agreementId}/diff'>;
export type InForceAnswer = Ok<'/agreements/{agreementId}/in-force'>;
export type PriorityFigures = Ok<'/compliance/agreements/{agreementId}/response-resolution'>[number];
export type AvailabilityAnswer = Ok<'/compliance/agreements/{agreementId}/availability'>;
export type AvailabilityTerm = AvailabilityAnswer['terms'][number];
export type Breach = Ok<'/compliance/breaches'>['items'][number];
export type FollowUp = Ok<'/compliance/follow-ups'>['items'][number];
export type Review = Ok<'/reviews'>['items'][number];
export type ImprovementPlan = Ok<'/improvement-plans'>['items'][number];
export type Report = Ok<'/reports'>['items'][number];
export type Outage = Ok<'/outages'>['items'][number];
export type MaintenanceWindow = Ok<'/maintenance-windows'>['items'][number];

/** Every page of a cursor-paged list (an agreement has a few dozen of each at most). */
async function allPages<Item>(
  page: (cursor: string | undefined) => Promise<{ items: Item[]; nextCursor: string | null }>,
): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const answer = await page(cursor);
    items.push(...answer.items);
    cursor = answer.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

const path = (agreementId: string) => ({ path: { agreementId } });

export function useAgreement(agreementId: string) {
  return useQuery({
    queryKey: ['agreement', agreementId],
    queryFn: () => required(api.GET('/agreements/{agreementId}', { params: path(agreementId) })),
  });
}

export function useAgreementHistory(agreementId: string) {
  return useQuery({
    queryKey: ['agreement-history', agreementId],
    queryFn: () => required(api.GET('/agreements/{agreementId}/history', { params: path(agreementId) })),
  });
}

export function useVersionDiff(agreementId: string, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: ['agreement-diff', agreementId, from, to],
    enabled: from !== undefined && to !== undefined && from !== to,
    queryFn: () =>
      required(
        api.GET('/agreements/{agreementId}/diff', {
          params: { ...path(agreementId), query: { from: String(from), to: String(to) } },
        }),
      ),
  });
}

/** The version in force at an instant (the period's start, in the agreement's zone). */
export function useInForce(agreementId: string, at: string | undefined) {
  return useQuery({
    queryKey: ['agreement-in-force', agreementId, at],
    enabled: at !== undefined,
    queryFn: () =>
      required(api.GET('/agreements/{agreementId}/in-force', { params: { ...path(agreementId), query: { at: at! } } })),
  });
}

export function useAvailability(agreementId: string, period: string) {
  return useQuery({
    queryKey: ['agreement-availability', agreementId, period],
    queryFn: () =>
      required(
        api.GET('/compliance/agreements/{agreementId}/availability', {
          params: { ...path(agreementId), query: { period } },
        }),
      ),
  });
}

/** Response and resolution per service and priority, one request per month of the trend. */
export function usePriorityFigures(agreementId: string, months: readonly string[]) {
  return useQueries({
    queries: months.map((period) => ({
      queryKey: ['agreement-response-resolution', agreementId, period],
      queryFn: () =>
        required(
          api.GET('/compliance/agreements/{agreementId}/response-resolution', {
            params: { ...path(agreementId), query: { period } },
          }),
        ),
    })),
  });
}

export function useBreaches(agreementId: string, period: string) {
  return useQuery({
    queryKey: ['agreement-breaches', agreementId, period],
    queryFn: () =>
      allPages((cursor) =>
        required(api.GET('/compliance/breaches', { params: { query: { agreementId, period, limit: 500, cursor } } })),
      ),
  });
}

export function useFollowUps(agreementId: string) {
  return useQuery({
    queryKey: ['agreement-follow-ups', agreementId],
    queryFn: () =>
      allPages((cursor) =>
        required(
          api.GET('/compliance/follow-ups', { params: { query: { agreementId, status: 'all', limit: 500, cursor } } }),
        ),
      ),
  });
}

export function useReviews(agreementId: string) {
  return useQuery({
    queryKey: ['agreement-reviews', agreementId],
    queryFn: () =>
      allPages((cursor) => required(api.GET('/reviews', { params: { query: { agreementId, limit: 500, cursor } } }))),
  });
}

export function useImprovementPlans(agreementId: string) {
  return useQuery({
    queryKey: ['agreement-improvement-plans', agreementId],
    queryFn: () =>
      allPages((cursor) =>
        required(api.GET('/improvement-plans', { params: { query: { agreementId, limit: 500, cursor } } })),
      ),
  });
}

export function useReports(agreementId: string) {
  return useQuery({
    queryKey: ['agreement-reports', agreementId],
    queryFn: () =>
      allPages((cursor) => required(api.GET('/reports', { params: { query: { agreementId, limit: 500, cursor } } }))),
  });
}

/**
 * Outages and maintenance of the agreement's services in [from, to). Outages are listed by start; one that began
 * up to a week before the period and ran into it still counts, so the list starts a week early and is cut to overlap.
 */
export function useServiceEvents(services: readonly string[], from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: ['agreement-service-events', services, from, to],
    enabled: from !== undefined && to !== undefined && services.length > 0,
    queryFn: async () => {
      const startedFrom = new Date(Date.parse(from!) - 7 * 86_400_000).toISOString();
      const overlaps = (start: string, end: string | null) =>
        Date.parse(start) < Date.parse(to!) && (end === null || Date.parse(end) > Date.parse(from!));
      const perService = await Promise.all(
        services.map(async (serviceId) => {
          const [outages, maintenance] = await Promise.all([
            allPages((cursor) =>
              required(
                api.GET('/outages', {
                  params: { query: { serviceId, startedFrom, startedTo: to, limit: 500, cursor } },
                }),
              ),
            ),
            allPages((cursor) =>
              required(
                api.GET('/maintenance-windows', {
                  params: { query: { serviceId, from: from!, to: to!, limit: 500, cursor } },
                }),
              ),
            ),
          ]);
          return {
            outages: outages.filter((outage) => overlaps(outage.startedAt, outage.endedAt)),
            maintenance: maintenance.flatMap((window) =>
              window.occurrences
                .filter((occurrence) => overlaps(occurrence.start, occurrence.end))
                .map((occurrence) => ({ ...occurrence, serviceId, title: window.title, windowId: window.windowId })),
            ),
          };
        }),
      );
      return {
        outages: perService.flatMap((events) => events.outages),
        maintenance: perService.flatMap((events) => events.maintenance),
      };
    },
  });
}

/** The agreement's time zone: that of the calendar its targets are measured in. */
export function useTimeZone(calendarId: string | undefined) {
  return useQuery({
    queryKey: ['calendar', calendarId],
    enabled: calendarId !== undefined,
    queryFn: async () =>
      (await required(api.GET('/calendars/{calendarId}', { params: { path: { calendarId: calendarId! } } }))).definition
        .timeZone,
  });
}

/** Service names by id, so the page shows names where the API answers with ids. */
export function useServiceNames() {
  return useQuery({
    queryKey: ['service-names'],
    queryFn: async () => {
      const services = await allPages((cursor) =>
        required(api.GET('/services', { params: { query: { limit: 500, cursor } } })),
      );
      return new Map(services.map((service) => [service.serviceId, service.name]));
    },
  });
}

/** Agreement titles by id, for the links to the underpinning OLAs and UCs. */
export function useAgreementTitles() {
  return useQuery({
    queryKey: ['agreement-titles'],
    queryFn: async () => {
      const agreements = await allPages((cursor) =>
        required(api.GET('/agreements', { params: { query: { limit: 500, cursor } } })),
      );
      return new Map(agreements.map((agreement) => [agreement.agreementId, agreement.title]));
    },
  });
}
