import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, rememberCsrfToken, required } from '../api/client';

type ConsoleSession = NonNullable<Awaited<ReturnType<typeof fetchSession>>['session']>;

async function fetchSession() {
  const answer = await required(api.GET('/session'));
  rememberCsrfToken(answer.session?.csrfToken ?? null);
  return answer;
}

/** Whether access control is on, and who is signed in (null when nobody is). */
export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: fetchSession,
    staleTime: 60_000,
  });
}

/**
 * Every cached answer belonged to the previous principal: the session's new state goes in first (so the pages that
 * need a session unmount, or mount, before anything is fetched), then everything else is dropped and asked anew.
 */
function useSwitchPrincipal() {
  const queries = useQueryClient();
  return (session: ConsoleSession | null) => {
    rememberCsrfToken(session?.csrfToken ?? null);
    queries.setQueryData(['session'], { accessControl: 'on' as const, session });
    queries.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
  };
}

export function useSignIn() {
  const switchPrincipal = useSwitchPrincipal();
  return useMutation({
    mutationFn: (credential: string) => required(api.POST('/session', { body: { credential } })),
    onSuccess: (session) => switchPrincipal(session),
  });
}

export function useSignOut() {
  const switchPrincipal = useSwitchPrincipal();
  return useMutation({
    mutationFn: async () => {
      const { response } = await api.POST('/session/sign-out');
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    },
    onSuccess: () => switchPrincipal(null),
  });
}
