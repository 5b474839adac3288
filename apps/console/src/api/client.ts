import createClient from 'openapi-fetch';
import type { paths } from './schema';

/** The API serves the console, so every call goes to the page's own origin (in dev mode through Vite's proxy). */
export const api = createClient<paths>({ baseUrl: window.location.origin });

// The session's CSRF token lives in memory only (GET /session gives it again after a reload); the session itself is
// an HttpOnly cookie the page cannot read. Every write carries the token, as the API requires through a session.
let csrfToken: string | null = null;
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}
api.use({
  onRequest({ request }) {
    if (csrfToken && !['GET', 'HEAD', 'OPTIONS'].includes(request.method))
      request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
});

/** openapi-fetch answers with data or error; the queries want a value or a thrown error. */
export async function required<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (data === undefined || error !== undefined) {
    // The API answers { error: { message, issues } }; the message names the field or the reason.
    const body = error as { message?: string; error?: { message?: string } } | undefined;
    const detail = body?.error?.message ?? body?.message;
    throw new Error(`${response.status} ${response.statusText}${detail ? `: ${detail}` : ''}`);
  }
  return data;
}
