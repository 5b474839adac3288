import { startTestApi, type TestApi } from '../support/test-api';

/** Security headers on every answer, and cross-origin browser calls closed unless origins are configured. */
describe('security headers and CORS (real app, real PostgreSQL)', () => {
  let closed: TestApi;
  let open: TestApi;
  const console = 'https://console.example';
  const preflight = (api: TestApi, origin: string) =>
    fetch(`${api.baseUrl}/services`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  beforeAll(async () => {
    closed = await startTestApi('security_headers_closed');
    open = await startTestApi('security_headers_cors', { CORS_ORIGINS: `${console}, http://localhost:4200` });
  }, 60_000);
  afterAll(async () => {
    await closed?.close();
    await open?.close();
  });

  it('sends no X-Powered-By, and a CSP without inline or foreign scripts, on JSON and HTML answers', async () => {
    for (const path of ['/health', '/docs', '/services/no-such-service']) {
      const response = await fetch(`${closed.baseUrl}${path}`);
      expect(response.headers.get('x-powered-by')).toBeNull();
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("script-src 'self';");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain('upgrade-insecure-requests');
    }
  });

  it('answers no cross-origin request when CORS_ORIGINS is not set, preflight included', async () => {
    const simple = await fetch(`${closed.baseUrl}/services`, { headers: { origin: console } });
    expect(simple.status).toBe(200);
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    const refused = await preflight(closed, console);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('allows exactly the configured origins, preflight included, and no other', async () => {
    const allowed = await preflight(open, console);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(console);
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    const simple = await fetch(`${open.baseUrl}/services`, { headers: { origin: 'http://localhost:4200' } });
    expect(simple.headers.get('access-control-allow-origin')).toBe('http://localhost:4200');
    expect(simple.headers.get('access-control-expose-headers')).toContain('ETag');
    const other = await preflight(open, 'https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const otherSimple = await fetch(`${open.baseUrl}/services`, { headers: { origin: 'https://evil.example' } });
    expect(otherSimple.headers.get('access-control-allow-origin')).toBeNull();
  });
});
