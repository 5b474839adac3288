import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestApi, type TestApi } from '../support/test-api';

const run = promisify(execFile);
const repository = path.resolve(__dirname, '../..');

type Operation = {
  operationId?: string;
  security?: unknown[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
};
type Document = {
  servers?: { url: string }[];
  components: { securitySchemes: Record<string, Record<string, unknown>> };
  paths: Record<string, Record<string, Operation>>;
};

/** The document /openapi.json serves, its lint, 405 for a wrong method, and the API reference at /docs. */
describe('OpenAPI document and API reference (real app)', () => {
  let api: TestApi;
  let document: Document;
  const operations = () =>
    Object.entries(document.paths).flatMap(([template, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ route: `${method} ${template}`, operation })),
    );

  beforeAll(async () => {
    api = await startTestApi('openapi_document');
    document = (await (await fetch(`${api.baseUrl}/openapi.json`)).json()) as Document;
  });
  afterAll(() => api?.close());

  it('names every operation with a unique camelCase operationId', () => {
    const ids = operations().map(({ route, operation }) => [route, operation.operationId] as const);
    expect(ids.filter(([, id]) => !id || !/^[a-z][A-Za-z0-9]*$/.test(id))).toEqual([]);
    expect(new Set(ids.map(([, id]) => id)).size).toBe(ids.length);
    expect(document.paths['/agreements/{agreementId}/history'].get.operationId).toBe('getAgreementsHistory');
    expect(document.paths['/services/{serviceId}'].get.operationId).toBe('getServicesByServiceId');
  });

  it('declares servers, both ways of sending the API key, the OIDC bearer token, and none on the public endpoints', () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(document.components.securitySchemes).toEqual({
      bearerApiKey: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      headerApiKey: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }),
      bearerOidcToken: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
    });
    for (const open of ['/health', '/openapi.json', '/docs']) expect(document.paths[open].get.security).toEqual([]);
    expect(document.paths['/agreements'].get.security).toEqual([
      { bearerApiKey: [] },
      { headerApiKey: [] },
      { bearerOidcToken: [] },
    ]);
    expect(operations().filter(({ operation }) => operation.security === undefined)).toEqual([]);
  });

  it("describes each fact type's own data on the fact endpoints, not an untyped object", () => {
    const body = document.paths['/tickets/{ticketId}/facts'].post.requestBody!.content['application/json'].schema as {
      oneOf: Record<string, any>[];
    };
    expect(body.oneOf.length).toBeGreaterThanOrEqual(10);
    const opened = body.oneOf.find((variant) => variant.properties.type.const === 'TicketOpened')!;
    expect(opened.required).toEqual(expect.arrayContaining(['source', 'externalId', 'type', 'data']));
    expect(opened.properties.data.required).toEqual(
      expect.arrayContaining(['ticketType', 'serviceId', 'priority', 'title', 'occurredAt']),
    );
    // The id comes from the path, so it is not part of data.
    expect(opened.properties.data.properties.ticketId).toBeUndefined();
    for (const path of [
      '/outages/{outageId}/facts',
      '/maintenance-windows/{windowId}/facts',
      '/compliance/breaches/{breachEventId}/follow-up',
    ]) {
      const variants = (
        document.paths[path].post.requestBody!.content['application/json'].schema as {
          oneOf?: { properties: { data: { properties?: object } } }[];
        }
      ).oneOf;
      expect(variants?.every((variant) => variant.properties.data.properties !== undefined)).toBe(true);
    }
  });

  it('passes the Redocly lint with no errors or warnings under redocly.yaml', async () => {
    // At the path .redocly.lint-ignore.yaml names (its two redirect-only operations).
    mkdirSync(path.join(repository, 'test-output'), { recursive: true });
    const file = path.join(repository, 'test-output', 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const cli = path.join(repository, 'node_modules/@redocly/cli/bin/cli.js');
    const environment = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
    const linted = await run(
      process.execPath,
      [cli, 'lint', '--config', path.join(repository, 'redocly.yaml'), '--format', 'json', file],
      { env: environment, cwd: repository },
    ).catch((failure: { stdout: string; stderr: string }) => failure);
    const problems = (
      JSON.parse(linted.stdout) as { problems: { ruleId: string; message: string; location: { pointer: string }[] }[] }
    ).problems;
    expect(
      problems.map((problem) => `${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`),
    ).toEqual([]);
  });

  it('is served by a route that exists for every route the app has (so 405 never hides an undocumented one)', () => {
    type Layer = { route?: { path: string; methods: Record<string, boolean> } };
    const router = (api.app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } }).router;
    const routes = router.stack
      .filter((layer) => layer.route)
      .flatMap((layer) =>
        Object.keys(layer.route!.methods).map((method) => `${method} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`),
      );
    const documented = new Set(operations().map(({ route }) => route));
    expect(routes.filter((route) => !documented.has(route))).toEqual([]);
  });

  it('answers 405 with Allow for a wrong method on a known path, and 404 for an unknown path', async () => {
    const deleted = await fetch(`${api.baseUrl}/services`, { method: 'DELETE' });
    expect(deleted.status).toBe(405);
    expect(deleted.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(await deleted.json()).toEqual({
      error: { code: 'METHOD_NOT_ALLOWED', message: expect.stringContaining('DELETE') },
    });
    const health = await fetch(`${api.baseUrl}/health`, { method: 'POST' });
    expect([health.status, health.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    const withParameter = await fetch(`${api.baseUrl}/tickets/T-1/facts`, { method: 'GET' });
    expect([withParameter.status, withParameter.headers.get('allow')]).toEqual([405, 'POST']);
    const options = await fetch(`${api.baseUrl}/agreements/a-1`, { method: 'OPTIONS' });
    expect([options.status, options.headers.get('allow')]).toEqual([204, 'GET, HEAD']);
    expect((await fetch(`${api.baseUrl}/no-such-thing`, { method: 'DELETE' })).status).toBe(404);
  });

  it('serves an interactive reference at /docs over /openapi.json, with its assets from the API itself', async () => {
    const page = await fetch(`${api.baseUrl}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(assets.length).toBeGreaterThanOrEqual(4);
    // No CDN: everything the page loads is on this API.
    expect(assets.filter((asset) => !asset.startsWith('/docs/'))).toEqual([]);
    let references = html;
    for (const asset of assets) {
      const answer = await fetch(`${api.baseUrl}${asset}`);
      expect([asset, answer.status]).toEqual([asset, 200]);
      const body = Buffer.from(await answer.arrayBuffer());
      expect(body.length).toBeGreaterThan(0);
      if (asset.endsWith('.js')) expect(answer.headers.get('content-type')).toMatch(/javascript/);
      if (asset.endsWith('.css')) expect(answer.headers.get('content-type')).toMatch(/^text\/css/);
      if (asset.endsWith('initializer.js')) references += body.toString('utf8');
    }
    expect(references).toContain("'/openapi.json'");
    expect((await fetch(`${api.baseUrl}/docs/package.json`)).status).toBe(404);
    expect((await fetch(`${api.baseUrl}/docs/..%2Fpackage.json`)).status).toBe(404);
  });
});
