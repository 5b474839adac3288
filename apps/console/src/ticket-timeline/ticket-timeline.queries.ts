import { useQuery } from '@tanstack/react-query';
import { api, required } from '../api/client';

/** The ticket's facts and each clock explained step by step, as of now (the API reads the ticket's own stream). */
export function useTimeline(ticketId: string) {
  return useQuery({
    queryKey: ['ticket-timeline', ticketId],
    queryFn: () =>
      required(api.GET('/compliance/tickets/{ticketId}/timeline', { params: { path: { ticketId }, query: {} } })),
  });
}

/** The ticket's clocks as the desk sees them now (at risk included), one per agreement and metric. */
export function useTicketClocks(ticketId: string) {
  return useQuery({
    queryKey: ['ticket-clocks', ticketId],
    queryFn: () => required(api.GET('/compliance/tickets/{ticketId}', { params: { path: { ticketId } } })),
  });
}

/** The ticket itself: its title and type. */
export function useTicket(ticketId: string) {
  return useQuery({
    queryKey: ['ticket', ticketId],
    queryFn: () => required(api.GET('/tickets/{ticketId}', { params: { path: { ticketId } } })),
  });
}
