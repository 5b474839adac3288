import { useQuery } from '@tanstack/react-query';
import { api, required } from '../api/client';
import type { paths } from '../api/schema';

type QueueAnswer = paths['/compliance/queue']['get']['responses'][200]['content']['application/json'];
export type QueueItem = QueueAnswer['items'][number];
export type QueueView = Omit<QueueAnswer, 'items' | 'nextCursor'> & { items: QueueItem[] };
export type QueueFilters = {
  customer?: string | undefined;
  agreementId?: string | undefined;
  priority?: 'P1' | 'P2' | 'P3' | 'P4' | undefined;
};

/** How often the desk asks again: a posted fact shows within this (the brief allows 5 s). */
export const QUEUE_REFRESH_MS = 2_000;

/** The whole queue in the API's urgency order, every page (a desk watches all its open clocks, not the first 50). */
export function useQueue(filters: QueueFilters) {
  return useQuery({
    queryKey: ['queue', filters],
    queryFn: async (): Promise<QueueView> => {
      const items: QueueItem[] = [];
      let cursor: string | undefined;
      let first: QueueAnswer | undefined;
      do {
        const page = await required(
          api.GET('/compliance/queue', { params: { query: { ...filters, limit: 500, cursor } } }),
        );
        first ??= page;
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return { asOf: first!.asOf, counts: first!.counts, total: first!.total, items };
    },
    // A refetch keeps the last answer on screen until the next arrives, so the table never flashes empty.
    refetchInterval: QUEUE_REFRESH_MS,
  });
}

/** The key of one clock in the queue (a ticket has a response and a resolution clock under each agreement). */
export const clockKey = (item: Pick<QueueItem, 'ticketId' | 'agreementId' | 'metric'>) =>
  `${item.ticketId}/${item.agreementId}/${item.metric}`;
