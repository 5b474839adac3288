import { z } from 'zod';

/** One endpoint, described with the same zod schemas that validate it. */
export type RouteDocumentation = {
  readonly method: 'get' | 'post' | 'put' | 'patch';
  /** OpenAPI path template, e.g. `/agreements/{agreementId}`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly body?: z.ZodType;
  readonly query?: z.ZodObject;
  /** Sent with every write: optimistic concurrency by stream revision. */
  readonly ifMatch?: boolean;
  readonly responses: Readonly<Record<number, { readonly description: string; readonly schema?: z.ZodType }>>;
};

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    details: z.unknown().optional(),
  }),
});

/** The usual failure answers of a write endpoint. */
export const writeErrors = {
  400: { description: 'invalid request: each offending field and the reason', schema: errorResponseSchema },
  404: { description: 'unknown resource', schema: errorResponseSchema },
  409: { description: 'conflict: stale If-Match, concurrent change, or a state that forbids the command', schema: errorResponseSchema },
  422: { description: 'a business rule refused the command', schema: errorResponseSchema },
} as const;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

/** Builds an OpenAPI 3.1 document (JSON Schema 2020-12 dialect, as zod emits it). */
export function buildOpenApiDocument(routes: readonly RouteDocumentation[], info: { title: string; version: string; description?: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const parameters: unknown[] = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => ({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (route.query) {
      for (const [name, schema] of Object.entries(route.query.shape)) {
        parameters.push({ name, in: 'query', required: !(schema as z.ZodType).safeParse(undefined).success, schema: jsonSchema(schema as z.ZodType, 'input') });
      }
    }
    if (route.ifMatch) parameters.push({ name: 'If-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'the revision last seen, e.g. "3" (from ETag)' });
    parameters.push({ name: 'X-Actor', in: 'header', required: false, schema: { type: 'string' }, description: 'who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key\'s actor is recorded' });
    const open = route.method === 'get' && (route.path === '/health' || route.path === '/openapi.json');
    const denied = open
      ? {}
      : {
          401: { description: 'no API key, or an unknown one', schema: errorResponseSchema },
          403: { description: "the key's role may not call this, or the agreement is not the customer's own", schema: errorResponseSchema },
        };
    paths[route.path] ??= {};
    paths[route.path][route.method] = {
      summary: route.summary,
      tags: [route.tag],
      parameters,
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
      ...(open ? {} : { security: [{ apiKey: [] }] }),
      responses: Object.fromEntries(
        Object.entries({ ...denied, ...route.responses }).map(([status, response]) => [
          status,
          { description: response.description, ...(response.schema ? { content: { 'application/json': { schema: jsonSchema(response.schema, 'output') } } } : {}) },
        ]),
      ),
    };
  }
  return {
    openapi: '3.1.0',
    info,
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'an API key from AUTH_API_KEYS_FILE' } } },
    paths,
  };
}
