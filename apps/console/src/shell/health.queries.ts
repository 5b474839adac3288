import { useQuery } from '@tanstack/react-query';
import { api, required } from '../api/client';

/** Whether the API runs without access control (development): the console then says so on every page. */
export function useAccessControl() {
  return useQuery({
    queryKey: ['health'],
    queryFn: async () => (await required(api.GET('/health'))).accessControl,
    staleTime: 60_000,
  });
}
