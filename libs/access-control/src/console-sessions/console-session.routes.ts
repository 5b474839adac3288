import { z } from 'zod';
import { defineRoute, errorResponseSchema, ROLES, writeErrors } from '@sla/nest-platform';
import { access, ACCESS_RULES } from '../access-policy';

export const consoleSessionSchema = z.object({
  actor: z.string(),
  role: z.enum(ROLES),
  customer: z.string().nullable(),
  startedAt: z.string(),
  expiresAt: z.string(),
  csrfToken: z.string().describe('sent back in X-CSRF-Token with every write made through the session'),
  may: z
    .array(z.enum(ACCESS_RULES))
    .describe(
      "the access rules the principal's role meets (docs/access-control.md): the console offers only these actions; " +
        'a customer is still kept to its own agreements by the API',
    ),
});

const unauthorized = {
  description: 'the credential is not accepted (the reason is named)',
  schema: errorResponseSchema,
};

export const startConsoleSessionRoute = defineRoute({
  method: 'post',
  path: '/session',
  tag: 'access',
  access: access.public,
  status: 200,
  summary:
    'Sign the console in: an API key or access token is exchanged for an HttpOnly, SameSite=Strict session cookie',
  body: z.strictObject({
    credential: z.string().trim().min(1).max(8_192).describe('an API key or an OpenID Connect access token'),
  }),
  responses: {
    200: { description: 'signed in; the session cookie is set', schema: consoleSessionSchema },
    400: writeErrors[400],
    401: unauthorized,
    409: { description: 'access control is off: there is nothing to sign in to', schema: errorResponseSchema },
  },
});

export const getConsoleSessionRoute = defineRoute({
  method: 'get',
  path: '/session',
  tag: 'access',
  access: access.public,
  status: 200,
  summary: "The console's session: whether access control is on, and who is signed in (none without a live session)",
  responses: {
    200: {
      description: 'the session, or null when signed out, expired or revoked',
      schema: z.object({
        accessControl: z.enum(['on', 'off']),
        session: consoleSessionSchema.nullable(),
        openIdSignIn: z
          .object({ provider: z.string().describe('the name on the "Sign in with …" button') })
          .nullable()
          .describe('sign-in at the OpenID provider (GET /session/oidc/start), when OIDC_CONSOLE_CLIENT_ID is set'),
      }),
    },
  },
});

export const endConsoleSessionRoute = defineRoute({
  method: 'post',
  path: '/session/sign-out',
  tag: 'access',
  access: access.public,
  status: 204,
  summary: 'Sign the console out: the session ends in every API process and its cookie is cleared',
  responses: {
    204: { description: 'signed out' },
    403: { description: "the write lacks the session's CSRF token", schema: errorResponseSchema },
  },
});

const redirect = (description: string) => ({ description: `redirect (Location): ${description}` });

export const startOpenIdSignInRoute = defineRoute({
  method: 'get',
  path: '/session/oidc/start',
  tag: 'access',
  access: access.public,
  status: 302,
  summary:
    "Sign the console in at the OpenID provider: redirects the browser to the provider's login (authorization code " +
    'flow with PKCE)',
  query: z.strictObject({
    returnTo: z
      .string()
      .max(2_000)
      .optional()
      .describe('the console path to come back to after sign-in (a path of this site; anything else returns to /)'),
  }),
  responses: {
    302: redirect("the provider's authorization endpoint; the attempt's HttpOnly cookie is set"),
    400: { description: 'the query is invalid (the parameter is named)', schema: errorResponseSchema },
    409: { description: 'no OpenID sign-in is configured (OIDC_CONSOLE_CLIENT_ID)', schema: errorResponseSchema },
  },
});

export const completeOpenIdSignInRoute = defineRoute({
  method: 'get',
  path: '/session/oidc/callback',
  tag: 'access',
  access: access.public,
  status: 302,
  // The provider's answer (RFC 6749 §4.1.2, RFC 9207); openid-client checks each against the attempt.
  query: z.looseObject({
    code: z.string().max(4_096).optional(),
    state: z.string().max(1_000).optional(),
    iss: z.string().max(2_000).optional(),
    error: z.string().max(200).optional(),
    error_description: z.string().max(2_000).optional(),
  }),
  summary:
    "The OpenID provider's answer to a console sign-in: the code is exchanged for an access token, which starts the " +
    'session',
  responses: {
    302: redirect(
      'back to the console path the sign-in started from with the session cookie set, or to it with ' +
        '`signInError=<code>` (sign_in_not_started, provider_unavailable, provider_refused, access_denied, ' +
        'token_refused; the reason is in the API log)',
    ),
    409: { description: 'no OpenID sign-in is configured (OIDC_CONSOLE_CLIENT_ID)', schema: errorResponseSchema },
  },
});

export const consoleSessionRoutes = [
  startConsoleSessionRoute,
  getConsoleSessionRoute,
  endConsoleSessionRoute,
  startOpenIdSignInRoute,
  completeOpenIdSignInRoute,
];
