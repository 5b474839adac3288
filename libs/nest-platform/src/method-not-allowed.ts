type Request = { method: string; path: string };
type Response = {
  setHeader(name: string, value: string): void;
  status(code: number): { json(body: unknown): void; end(): void };
};

// Braces are left alone: they mark the parameters replaced next.
const escapeRegExp = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/**
 * Answers 405 with an Allow header when a request names a known path with a method it does not have
 * (Express alone would answer 404, as for a path that does not exist). The known paths and their methods
 * are the OpenAPI document's, which the e2e tests hold every route to; OPTIONS answers 204 with Allow.
 */
export function methodNotAllowed(paths: Readonly<Record<string, Readonly<Record<string, unknown>>>>) {
  const templates = Object.entries(paths).map(([template, operations]) => ({
    // Like Express's router: case-insensitive, a trailing slash allowed, a parameter is one segment.
    pattern: new RegExp(`^${escapeRegExp(template).replace(/\{\w+\}/g, '[^/]+')}/?$`, 'i'),
    methods: Object.keys(operations).map((method) => method.toUpperCase()),
  }));
  return (request: Request, response: Response, next: () => void): void => {
    const matching = templates.filter((template) => template.pattern.test(request.path));
    if (matching.length === 0) return next();
    const allowed = new Set(matching.flatMap((template) => template.methods));
    if (allowed.has('GET')) allowed.add('HEAD');
    if (allowed.has(request.method)) return next();
    const allow = [...allowed].sort().join(', ');
    response.setHeader('Allow', allow);
    if (request.method === 'OPTIONS') return response.status(204).end();
    const message = `${request.method} is not allowed on ${request.path}: allowed ${allow}`;
    response.status(405).json({ error: { code: 'METHOD_NOT_ALLOWED', message } });
  };
}
