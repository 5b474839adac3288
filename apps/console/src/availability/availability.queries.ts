import { useQuery } from '@tanstack/react-query';
import { api, required } from '../api/client';
import type { paths } from '../api/schema';

type Ok<Path extends keyof paths> = paths[Path] extends {
  get: { responses: { 200: { content: { 'application/json': infer Body } } } };
}
  ? Body
  : never;

export type Service = Ok<'/services'>['items'][number];
export type CoveringAgreement = Ok<'/compliance/portfolio'>['agreements'][number];
export type AgreementDays = Ok<'/compliance/agreements/{agreementId}/availability'>;
export type DayFigures = NonNullable<Ok<'/compliance/services/{serviceId}/availability'>['days']>[number];
/** One day of the calendar: its figures under each version in force that day (two when a version began mid-day). */
export type CalendarDay = { date: string; parts: { version: number | null; figures: DayFigures }[] };

/** The whole catalogue (a few dozen services), for the service picker and the names. */
export function useServices() {
  return useQuery({
    queryKey: ['services', 'all'],
    queryFn: async () => {
      const services: Service[] = [];
      let cursor: string | undefined;
      do {
        const page = await required(api.GET('/services', { params: { query: { limit: 500, cursor } } }));
        services.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return services;
    },
  });
}

/** The agreements covering the service in the year, each with its time zone (the portfolio of the year). */
export function useCoveringAgreements(serviceId: string | undefined, year: string) {
  return useQuery({
    queryKey: ['portfolio', { period: year, service: serviceId }],
    enabled: serviceId !== undefined,
    queryFn: () =>
      required(api.GET('/compliance/portfolio', { params: { query: { period: year, service: serviceId } } })),
  });
}

/** The agreement's availability over the year, day by day in its own time zone, each term with its version. */
export function useAgreementDays(agreement: CoveringAgreement | undefined, year: string) {
  return useQuery({
    queryKey: ['availability-days', agreement?.agreementId, year, agreement?.timeZone],
    enabled: agreement !== undefined,
    queryFn: () =>
      required(
        api.GET('/compliance/agreements/{agreementId}/availability', {
          params: {
            path: { agreementId: agreement!.agreementId },
            query: { period: year, timeZone: agreement!.timeZone, by: 'day' },
          },
        }),
      ),
  });
}

/** With no agreement covering it: the service measured in its own catalogue calendar, day by day in its zone. */
export function useServiceDays(service: Service | undefined, year: string, enabled: boolean) {
  const calendarId = service?.calendarId ?? undefined;
  const calendar = useQuery({
    queryKey: ['calendar', calendarId],
    enabled: enabled && calendarId !== undefined,
    queryFn: () => required(api.GET('/calendars/{calendarId}', { params: { path: { calendarId: calendarId! } } })),
  });
  const timeZone = calendar.data?.definition.timeZone;
  const days = useQuery({
    queryKey: ['service-availability-days', service?.serviceId, calendarId, year, timeZone],
    enabled: enabled && timeZone !== undefined,
    queryFn: () =>
      required(
        api.GET('/compliance/services/{serviceId}/availability', {
          params: {
            path: { serviceId: service!.serviceId },
            query: { calendarId: calendarId!, period: year, timeZone: timeZone!, by: 'day' },
          },
        }),
      ),
  });
  return { timeZone, days: days.data?.days, error: calendar.error ?? days.error, isLoading: days.isLoading };
}

/** The days of the service's terms merged by date, in date order. */
export function calendarDays(terms: { version: number | null; days?: DayFigures[] | undefined }[]): CalendarDay[] {
  const byDate = new Map<string, CalendarDay>();
  for (const term of terms)
    for (const figures of term.days ?? []) {
      const day = byDate.get(figures.date) ?? { date: figures.date, parts: [] };
      day.parts.push({ version: term.version, figures });
      byDate.set(figures.date, day);
    }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
