import fc from 'fast-check';
import { returnPathOfAttempt, safeReturnPath } from './openid-sign-in';

describe('the return path after an OpenID sign-in', () => {
  it('keeps a path of this site with its query', () => {
    expect(safeReturnPath('/agreement/berlin-sla?period=2026-02')).toBe('/agreement/berlin-sla?period=2026-02');
    expect(safeReturnPath('/')).toBe('/');
  });

  it.each(['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '', undefined])(
    'turns %p into the landing page',
    (requested) => expect(safeReturnPath(requested)).toBe('/'),
  );

  it('never leaves the site, whatever it is given (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.webUrl(), fc.webPath(), fc.constantFrom('//', '/\\', '/%2F%2Fx')),
        (text) => {
          const path = safeReturnPath(text);
          expect(path.startsWith('/')).toBe(true);
          expect(path.startsWith('//')).toBe(false);
          expect(new URL(path, 'https://sla.example').origin).toBe('https://sla.example');
        },
      ),
    );
  });

  it("reads an attempt's return path, and the landing page for a cookie this API did not write", () => {
    const attempt = (returnTo: string) =>
      Buffer.from(JSON.stringify({ state: 's', nonce: 'n', verifier: 'v'.repeat(43), returnTo }), 'utf8').toString(
        'base64url',
      );
    expect(returnPathOfAttempt(attempt('/service-reports?period=2026-02'))).toBe('/service-reports?period=2026-02');
    expect(returnPathOfAttempt(attempt('//evil.example'))).toBe('/');
    expect(returnPathOfAttempt('not-base64-json')).toBe('/');
    expect(returnPathOfAttempt(undefined)).toBe('/');
  });
});
