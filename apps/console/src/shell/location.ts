import { useCallback, useSyncExternalStore } from 'react';

// The console's few routes need no router library: the URL is the state, history holds the steps back.
const subscribe = (onChange: () => void) => {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
};

export function useLocation(): { path: string; search: string } {
  const path = useSyncExternalStore(subscribe, () => window.location.pathname);
  const search = useSyncExternalStore(subscribe, () => window.location.search);
  return { path, search };
}

export function navigate(url: string): void {
  window.history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** The query string as a record, and a setter that writes changed keys back to the URL (empty values dropped). */
export function useSearchParams(): [URLSearchParams, (changes: Record<string, string | undefined>) => void] {
  const { path, search } = useLocation();
  const set = useCallback(
    (changes: Record<string, string | undefined>) => {
      const next = new URLSearchParams(search);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      const query = next.toString();
      navigate(`${path === '/' ? '/portfolio' : path}${query ? `?${query}` : ''}`);
    },
    [path, search],
  );
  return [new URLSearchParams(search), set];
}
