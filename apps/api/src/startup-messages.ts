import { identityConfigured, type Configuration } from '@sla/configuration';

/**
 * What a person starting the API needs to read in its first lines: where it
 * listens, whether anyone who reaches the port may write, and what to do on
 * an empty system.
 */
export function startupMessages(
  configuration: Configuration,
  facts: { readonly logIsEmpty: boolean },
): { readonly info: string[]; readonly warnings: string[] } {
  const host = configuration.HOST === '0.0.0.0' ? '127.0.0.1' : configuration.HOST;
  const address = `http://${host.includes(':') ? `[${host}]` : host}:${configuration.PORT}`;
  const info = [
    `API listening on ${address} — reference ${address}/docs, OpenAPI ${address}/openapi.json, health ${address}/health`,
  ];
  if (configuration.HOST === '0.0.0.0')
    info.push(`listening on every interface (HOST=0.0.0.0), port ${configuration.PORT}`);
  if (facts.logIsEmpty) {
    info.push("the event log is empty: the README's walkthrough sets up an SLA and feeds a first month in a minute");
  }
  const warnings: string[] = [];
  const accessControlOff = accessControlOffWarning(configuration);
  if (accessControlOff) warnings.push(accessControlOff);
  return { info, warnings };
}

/** The warning for an API without access control, or null when API keys are configured. */
export function accessControlOffWarning(configuration: Configuration): string | null {
  if (identityConfigured(configuration)) return null;
  const why =
    configuration.AUTH === 'off'
      ? 'AUTH=off'
      : 'AUTH_API_KEYS_FILE is not set, AUTH_MANAGED_KEYS is off, OIDC_ISSUER is not set';
  return (
    `access control is OFF (${why}): anyone who reaches this port can read and write, ` +
    'and X-Actor names the actor. For development only; see "Access control" in the README.'
  );
}
