import { loadConfiguration } from '@sla/configuration';
import { startupMessages } from './startup-messages';

describe('start-up messages', () => {
  it('say where the API listens and warn when access control is off', () => {
    const messages = startupMessages(loadConfiguration({ PORT: '3100' }), { logIsEmpty: false });
    expect(messages.info[0]).toBe(
      'API listening on http://127.0.0.1:3100 — reference http://127.0.0.1:3100/docs, ' +
        'OpenAPI http://127.0.0.1:3100/openapi.json, health http://127.0.0.1:3100/health',
    );
    expect(messages.warnings).toEqual([
      expect.stringMatching(
        /^access control is OFF \(AUTH_API_KEYS_FILE is not set, AUTH_MANAGED_KEYS is off, OIDC_ISSUER is not set\)/,
      ),
    ]);
  });

  it('point an empty system at the walkthrough, and say nothing of it once there are events', () => {
    const configuration = loadConfiguration({});
    expect(startupMessages(configuration, { logIsEmpty: true }).info).toContainEqual(
      expect.stringMatching(/event log is empty: the README's walkthrough/),
    );
    expect(startupMessages(configuration, { logIsEmpty: false }).info.join('\n')).not.toMatch(/empty/);
  });

  it('give a reachable address when listening on every interface, and no warning with API keys', () => {
    const configuration = { ...loadConfiguration({ HOST: '0.0.0.0' }), AUTH_API_KEYS_FILE: '/etc/sla/keys.json' };
    const messages = startupMessages(configuration, { logIsEmpty: false });
    expect(messages.info).toEqual([
      expect.stringMatching(/^API listening on http:\/\/127\.0\.0\.1:3000 /),
      'listening on every interface (HOST=0.0.0.0), port 3000',
    ]);
    expect(messages.warnings).toEqual([]);
  });

  it('give no warning with OpenID Connect tokens as the only identity configuration', () => {
    const configuration = loadConfiguration({ OIDC_ISSUER: 'https://login.example', OIDC_AUDIENCE: 'urn:sla:api' });
    expect(startupMessages(configuration, { logIsEmpty: false }).warnings).toEqual([]);
  });

  it('give no warning with keys managed from the CLI (AUTH_MANAGED_KEYS=on)', () => {
    const messages = startupMessages(loadConfiguration({ AUTH_MANAGED_KEYS: 'on' }), { logIsEmpty: false });
    expect(messages.warnings).toEqual([]);
  });

  it('name AUTH=off as the reason when access control was switched off on purpose', () => {
    const messages = startupMessages(loadConfiguration({ AUTH: 'off' }), { logIsEmpty: false });
    expect(messages.warnings).toEqual([expect.stringMatching(/^access control is OFF \(AUTH=off\): anyone/)]);
  });
});
