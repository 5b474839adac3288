import { useQuery } from '@tanstack/react-query';
import { api, required } from '../api/client';

// The desk shows names where the API's rows carry ids: services by name, agreements by title. Both lists are short
// and change seldom, so they are read once per page visit (every page of them), not on every poll of the queue.

export function useServiceNames() {
  return useQuery({
    queryKey: ['service-names'],
    staleTime: 60_000,
    queryFn: async () => {
      const names = new Map<string, string>();
      let cursor: string | undefined;
      do {
        const page = await required(api.GET('/services', { params: { query: { limit: 500, cursor } } }));
        for (const service of page.items) names.set(service.serviceId, service.name);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return names;
    },
  });
}

export function useAgreementTitles() {
  return useQuery({
    queryKey: ['agreement-titles'],
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
