import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65_535);
const positiveInteger = z.coerce.number().int().positive();
const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .min(1)
    .refine((value) => protocols.some((protocol) => value.startsWith(`${protocol}:`)), {
      message: `must start with ${protocols.map((protocol) => `${protocol}://`).join(' or ')}`,
    })
    .optional();

function isOrigin(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === text;
}

/** The JWS algorithms OIDC_ALGORITHMS may name (asymmetric only: the API holds no secret shared with the provider). */
const OIDC_SIGNATURE_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];
/** The product's roles (as @sla/nest-platform's ROLES; configuration depends on nothing). */
const OIDC_PRODUCT_ROLES = ['slm', 'operations', 'auditor', 'customer', 'admin'];

/**
 * Every setting the product reads, with its default. Parsed once at start;
 * the README's environment table lists the same keys.
 */
export const configurationSchema = z.object({
  /** `production` makes access control mandatory, as a HOST that is not loopback does. */
  NODE_ENV: z.string().min(1).optional(),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: optionalUrl(['postgres', 'postgresql']),
  /**
   * The external database as its owner, for migrations and grants; DATABASE_URL is then the application role,
   * which may read and append but not rewrite the event log. Unset = DATABASE_URL does both.
   */
  DATABASE_MIGRATION_URL: optionalUrl(['postgres', 'postgresql']),
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_POSTGRES_PORT: port.default(54329),
  ESDB_CONNECTION_STRING: optionalUrl(['esdb', 'esdb+discover']),
  ESDB_STARTUP_TIMEOUT_MS: positiveInteger.default(5_000),
  PROJECTOR: z.enum(['inline', 'off']).default('inline'),
  PROJECTION_BATCH_SIZE: positiveInteger.max(50_000).default(500),
  PROJECTION_IDLE_MS: positiveInteger.default(100),
  WATERMARK_WARNING_SECONDS: positiveInteger.default(30),
  /** /health turns degraded when a projection has more events than this left to apply (lag is counted up to 10,000). */
  PROJECTION_LAG_WARNING_EVENTS: positiveInteger.max(10_000).default(1_000),
  /** /health turns degraded when a projection with events pending has not advanced for this long. */
  PROJECTION_STALL_WARNING_SECONDS: positiveInteger.default(60),
  /** JSON file mapping Alertmanager alert labels to services and impact (see README). */
  ALERTMANAGER_MAPPING_FILE: z.string().min(1).optional(),
  /** JSON file describing generic JSON webhook sources: mapping rules and HMAC secrets (see README). */
  JSON_WEBHOOK_SOURCES_FILE: z.string().min(1).optional(),
  /** JSON file of API keys (SHA-256 hashes), actors and roles; unset = access control off (development only). */
  AUTH_API_KEYS_FILE: z.string().min(1).optional(),
  /**
   * OpenID Connect: the issuer whose bearer JWTs the API accepts (its `iss`, e.g. `https://login.example/realms/sla`);
   * the keys come from its /.well-known/openid-configuration unless OIDC_JWKS_URL names them. Needs OIDC_AUDIENCE.
   */
  OIDC_ISSUER: optionalUrl(['https', 'http']),
  /** The audience (`aud`) a token must name to be accepted by this API, e.g. `urn:sla:api`. */
  OIDC_AUDIENCE: z.string().trim().min(1).optional(),
  /** The provider's JWKS, when it is not (or not only) discoverable from the issuer. */
  OIDC_JWKS_URL: optionalUrl(['https', 'http']),
  /** The signature algorithms accepted (comma-separated); a token signed otherwise is refused. */
  OIDC_ALGORITHMS: z
    .string()
    .default('RS256,PS256,ES256,EdDSA')
    .transform((value, context) => {
      const algorithms = value.split(',').map((algorithm) => algorithm.trim());
      for (const algorithm of algorithms.filter((algorithm) => !OIDC_SIGNATURE_ALGORITHMS.includes(algorithm))) {
        context.addIssue({
          code: 'custom',
          message: `${JSON.stringify(algorithm)} is not one of ${OIDC_SIGNATURE_ALGORITHMS.join(', ')}`,
        });
      }
      return algorithms;
    }),
  /** How far the provider's clock may be from ours when checking `exp`, `nbf` and `iat`. */
  OIDC_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(600).default(30),
  /** The claim holding the caller's provider roles or groups (a string or a list; `realm_access.roles` reaches in). */
  OIDC_ROLE_CLAIM: z.string().trim().min(1).default('roles'),
  /**
   * Provider roles or groups to product roles, `sla-managers=slm,sla-auditors=auditor`; unset = a claim value that is
   * a product role's name is that role.
   */
  OIDC_ROLE_MAP: z
    .string()
    .transform((value, context) => {
      const mapping = new Map<string, string>();
      for (const pair of value.split(',').map((entry) => entry.trim())) {
        const [provided, role, ...rest] = pair.split('=').map((part) => part.trim());
        if (!provided || !role || rest.length > 0 || !OIDC_PRODUCT_ROLES.includes(role)) {
          context.addIssue({
            code: 'custom',
            message: `${JSON.stringify(pair)} is not <provider role>=<${OIDC_PRODUCT_ROLES.join('|')}>`,
          });
        } else mapping.set(provided, role);
      }
      return mapping as ReadonlyMap<string, string>;
    })
    .optional(),
  /** The claim naming a customer token's customer (the agreements' counterparty). */
  OIDC_CUSTOMER_CLAIM: z.string().trim().min(1).default('customer'),
  /** The claim recorded as the actor of every event a token's caller causes (`sub`, `preferred_username`, `email`). */
  OIDC_ACTOR_CLAIM: z.string().trim().min(1).default('sub'),
  /** The least time between two fetches of the provider's keys when a token names a key id not yet known. */
  OIDC_JWKS_REFRESH_COOLDOWN_SECONDS: z.coerce.number().int().min(0).default(30),
  /**
   * The client the console signs people in as at the OIDC_ISSUER (authorization code flow with PKCE, run by the API
   * so no token reaches the browser); unset = the console signs in with a pasted key or token only.
   */
  OIDC_CONSOLE_CLIENT_ID: z.string().trim().min(1).optional(),
  /** The console client's secret (client_secret_basic) for a confidential client; unset = a public client. */
  OIDC_CONSOLE_CLIENT_SECRET: z.string().min(1).optional(),
  /**
   * Where the provider sends the browser back: this API's `/session/oidc/callback` as the browser reaches it (e.g.
   * `https://sla.example.com/session/oidc/callback` behind a proxy). Default on a loopback HOST:
   * `http://<HOST>:<PORT>/session/oidc/callback`; required otherwise.
   */
  OIDC_CONSOLE_REDIRECT_URL: optionalUrl(['https', 'http']),
  /** The scopes the console asks for (space-separated; `openid` is always asked for). */
  OIDC_CONSOLE_SCOPES: z.string().trim().min(1).default('openid'),
  /**
   * Extra parameters of the authorization and token requests, as a query string, to get an access token for
   * OIDC_AUDIENCE: `resource=urn:sla:api` (RFC 8707), `audience=urn:sla:api` (Auth0); none for providers that put
   * the audience in by configuration (Keycloak's audience mapper).
   */
  OIDC_CONSOLE_REQUEST_PARAMETERS: z
    .string()
    .trim()
    .transform((value) => Object.fromEntries(new URLSearchParams(value)) as Readonly<Record<string, string>>)
    .optional(),
  /** The provider's name on the console's sign-in button ("Sign in with …"). */
  OIDC_CONSOLE_PROVIDER_NAME: z.string().trim().min(1).max(60).default('single sign-on'),
  /**
   * `on`: API keys created with `sla keys create` (kept as events; revocation and expiry hold from the next request)
   * authenticate callers. Access control is then on even before the first key exists: only the CLI can create one.
   */
  AUTH_MANAGED_KEYS: z.enum(['on', 'off']).default('off'),
  /**
   * `off` runs the API without access control where it would otherwise refuse to start (production, or a HOST that
   * is not loopback); it is then warned about at start and on /health.
   */
  AUTH: z.enum(['off']).optional(),
  /** How long a console sign-in lasts (hours); the credential behind it is still checked on every request. */
  CONSOLE_SESSION_HOURS: positiveInteger.default(8),
  /**
   * Whether the console's session cookie is sent over HTTPS only. `auto`: yes unless HOST is a loopback address (a
   * development API on http://127.0.0.1); behind a TLS-terminating proxy leave it `auto` or `on`.
   */
  CONSOLE_SESSION_COOKIE_SECURE: z.enum(['auto', 'on', 'off']).default('auto'),
  /** Comma-separated origins (`https://console.example`) a browser may call the API from; unset = none. */
  CORS_ORIGINS: z
    .string()
    .transform((value, context) => {
      const origins = value.split(',').map((origin) => origin.trim());
      for (const origin of origins.filter((origin) => !isOrigin(origin))) {
        context.addIssue({
          code: 'custom',
          message: `${JSON.stringify(origin)} is not an origin: http(s)://host[:port], no path or trailing slash`,
        });
      }
      return origins;
    })
    .optional(),
  /**
   * Requests per second from one source address, before any credential is looked at: a flood cap. The default is
   * above what the HTTP intake benchmark sends from one machine (thousands of facts per second).
   */
  RATE_LIMIT_ADDRESS_PER_SECOND: positiveInteger.default(10_000),
  /** Requests per second of one authenticated principal (a person, a portal) of any role but operations. */
  RATE_LIMIT_PRINCIPAL_PER_SECOND: positiveInteger.default(200),
  /** Requests per second of one principal of the operations role: connectors and webhooks feeding facts. */
  RATE_LIMIT_OPERATIONS_PER_SECOND: positiveInteger.default(10_000),
  /** Refused authentications (401) per source address and minute; one more blocks the address for a minute. */
  RATE_LIMIT_FAILED_AUTH_PER_MINUTE: positiveInteger.default(5),
  /** Denied requests recorded in the access trail per source address and minute; the rest are counted. */
  ACCESS_AUDIT_DENIALS_PER_ADDRESS_PER_MINUTE: positiveInteger.default(10),
  /** Denied requests recorded in the access trail per minute from all addresses together. */
  ACCESS_AUDIT_DENIALS_PER_MINUTE: positiveInteger.default(600),
  /**
   * Ed25519 private key (PKCS#8 PEM) that signs audit tree heads; created when missing. Default:
   * $DATA_DIR/audit-signing-key.pem.
   */
  AUDIT_SIGNING_KEY_FILE: z.string().min(1).optional(),
  /**
   * Append-only file (JSON Lines) that receives every signed tree head as it is signed, for auditors; put it on
   * another disk or host (it must lie outside DATA_DIR). Unset = heads are kept in the database only.
   */
  AUDIT_HEAD_LOG_FILE: z.string().min(1).optional(),
  /**
   * A witness outside the operator's control (URL) that receives every signed tree head, in order, as JSON by POST;
   * delivered from the database with retry and backoff, so it never holds sealing up and misses no head.
   */
  AUDIT_HEAD_WEBHOOK_URL: optionalUrl(['http', 'https']),
  /** Shared secret: each delivery then carries `X-SLA-Signature: sha256=<HMAC-SHA256 of the body>`. */
  AUDIT_HEAD_WEBHOOK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  /** /health turns degraded when a signed head has waited longer than this for the witness to acknowledge it. */
  AUDIT_HEAD_WEBHOOK_LAG_WARNING_SECONDS: positiveInteger.default(300),
  /** How often a new tree head is signed while the log grows. */
  AUDIT_TREE_HEAD_INTERVAL_SECONDS: positiveInteger.default(60),
  /**
   * How often the API looks for closed periods of report definitions that have no report yet, and drafts them; 0 =
   * never.
   */
  REPORT_DRAFT_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(300),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
});

export type Configuration = z.infer<typeof configurationSchema>;

export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/** Reads the settings from an environment; reports every invalid key at once. */
export function loadConfiguration(environment: Record<string, string | undefined>): Configuration {
  const relevant: Record<string, string> = {};
  for (const key of Object.keys(configurationSchema.shape)) {
    const value = environment[key];
    // An empty variable means "not set", as in most deployment tools.
    if (value !== undefined && value !== '') relevant[key] = value;
  }
  const result = configurationSchema.safeParse(relevant);
  if (!result.success) {
    throw new ConfigurationError(
      result.error.issues.map((issue) => {
        const key = issue.path.join('.');
        return `${key}=${JSON.stringify(relevant[key] ?? '')}: ${issue.message}`;
      }),
    );
  }
  const oidcWithoutAudience = result.data.OIDC_ISSUER && !result.data.OIDC_AUDIENCE;
  if (oidcWithoutAudience || (result.data.OIDC_JWKS_URL && !result.data.OIDC_ISSUER)) {
    throw new ConfigurationError([
      oidcWithoutAudience
        ? `OIDC_AUDIENCE="": required with OIDC_ISSUER (the audience this API's tokens name, e.g. urn:sla:api)`
        : `OIDC_ISSUER="": required with OIDC_JWKS_URL (tokens are accepted from one named issuer only)`,
    ]);
  }
  if (result.data.OIDC_CONSOLE_CLIENT_ID && !result.data.OIDC_ISSUER) {
    throw new ConfigurationError([
      'OIDC_ISSUER="": required with OIDC_CONSOLE_CLIENT_ID (the provider the console signs people in at)',
    ]);
  }
  if (result.data.OIDC_CONSOLE_CLIENT_ID && !result.data.OIDC_CONSOLE_REDIRECT_URL) {
    if (!isLoopbackHost(result.data.HOST)) {
      throw new ConfigurationError([
        'OIDC_CONSOLE_REDIRECT_URL="": required with OIDC_CONSOLE_CLIENT_ID when HOST is not a loopback address ' +
          '(the URL of /session/oidc/callback as browsers reach this API, e.g. https://sla.example.com/session/oidc/callback)',
      ]);
    }
    const host = result.data.HOST.includes(':') ? `[${result.data.HOST.replace(/^\[|\]$/g, '')}]` : result.data.HOST;
    result.data.OIDC_CONSOLE_REDIRECT_URL = `http://${host}:${result.data.PORT}/session/oidc/callback`;
  }
  const plainHttp = (['OIDC_ISSUER', 'OIDC_JWKS_URL', 'OIDC_CONSOLE_REDIRECT_URL'] as const).filter((key) => {
    const value = result.data[key];
    return value?.startsWith('http:') && !(URL.canParse(value) && isLoopbackHost(new URL(value).hostname));
  });
  if (plainHttp.length > 0) {
    // The keys that decide who may do what must not be replaceable on the way: https, but for a provider on this
    // machine (a development or test provider).
    throw new ConfigurationError(
      plainHttp.map((key) => `${key}=${JSON.stringify(result.data[key])}: must be https:// unless on this machine`),
    );
  }
  return result.data;
}

/** Whether HOST only accepts connections from this machine (localhost, 127.0.0.0/8, ::1). */
export function isLoopbackHost(host: string): boolean {
  const address = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return (
    address === 'localhost' ||
    address === '::1' ||
    /^127(\.\d{1,3}){3}$/.test(address) ||
    /^::ffff:127(\.\d{1,3}){3}$/.test(address)
  );
}

/** Whether any credential verifier is configured: an API key file, or keys managed from the CLI. */
export function identityConfigured(configuration: Configuration): boolean {
  return (
    Boolean(configuration.AUTH_API_KEYS_FILE) ||
    configuration.AUTH_MANAGED_KEYS === 'on' ||
    Boolean(configuration.OIDC_ISSUER)
  );
}

/**
 * Outside development (NODE_ENV=production, or a HOST others can reach) the API does not start open to anyone who
 * reaches the port: it needs an identity configuration, or an explicit AUTH=off.
 */
export function checkAccessControlRequirement(configuration: Configuration): void {
  if (identityConfigured(configuration) || configuration.AUTH === 'off') return;
  const reasons = [
    ...(configuration.NODE_ENV === 'production' ? ['NODE_ENV=production'] : []),
    ...(isLoopbackHost(configuration.HOST) ? [] : [`HOST=${configuration.HOST} is not a loopback address`]),
  ];
  if (reasons.length === 0) return;
  throw new ConfigurationError([
    `access control is required (${reasons.join(', ')}): set AUTH_API_KEYS_FILE to a file of API keys ` +
      'or AUTH_MANAGED_KEYS=on for keys made with `sla keys create`, ' +
      'or OIDC_ISSUER and OIDC_AUDIENCE to accept OpenID Connect tokens (see "Access control" in the README), ' +
      'or set AUTH=off to run without access control on purpose',
  ]);
}
