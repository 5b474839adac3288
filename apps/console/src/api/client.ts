import createClient from 'openapi-fetch';
import type { paths } from './schema';

/** The API serves the console, so every call goes to the page's own origin (in dev mode through Vite's proxy). */
export const api = createClient<paths>({ baseUrl: window.location.origin });

/** openapi-fetch answers with data or error; the queries want a value or a thrown error. */
export async function required<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (data === undefined || error !== undefined) {
    const detail = (error as { message?: string } | undefined)?.message;
    throw new Error(`${response.status} ${response.statusText}${detail ? `: ${detail}` : ''}`);
  }
  return data;
}
