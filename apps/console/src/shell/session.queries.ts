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

/** An access rule of the API (`change`, `intake`, `audit`…), as docs/access-control.md names them. */
export type AccessRule = ConsoleSession['may'][number];

/**
 * Whether to offer an action the API allows under this rule: yes with access control off (development, anyone may
 * act under a named actor); otherwise when the signed-in role meets the rule. Undefined while the session loads.
 * The API checks every request anyway; this only keeps the console from offering what it would refuse.
 */
export function useMay(rule: AccessRule): boolean | undefined {
  const { data } = useSession();
  if (!data) return undefined;
  return data.accessControl === 'off' || (data.session?.may.includes(rule) ?? false);
}
