/** Minimal JSON client over fetch for end-to-end tests against a listening app. */
export type JsonResponse<Body = any> = { status: number; body: Body };

export type ExchangeCheck = {
  check(method: string, url: string, requestBody: unknown, status: number, responseBody: unknown): void;
};

export function httpClient(baseUrl: string, defaultHeaders: Record<string, string> = {}, conformance?: ExchangeCheck) {
  async function request<Body = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<JsonResponse<Body>> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...defaultHeaders, ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : undefined;
    conformance?.check(method, path, body, response.status, parsed);
    return { status: response.status, body: parsed };
  }
  return {
    get: <Body = any>(path: string) => request<Body>('GET', path),
    post: <Body = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
      request<Body>('POST', path, body, headers),
    put: <Body = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
      request<Body>('PUT', path, body, headers),
    patch: <Body = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
      request<Body>('PATCH', path, body, headers),
  };
}

/** Polls until the check returns a value (not undefined) or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMilliseconds = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMilliseconds;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`condition not met within ${timeoutMilliseconds} ms${lastError ? `: ${String(lastError)}` : ''}`);
}
