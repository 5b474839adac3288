import { z } from 'zod';
import { defineRoute, errorResponseSchema, ROLES, writeErrors } from '@sla/nest-platform';
import { access } from '../access-policy';

export const consoleSessionSchema = z.object({
  actor: z.string(),
  role: z.enum(ROLES),
  customer: z.string().nullable(),
  startedAt: z.string(),
  expiresAt: z.string(),
  csrfToken: z.string().describe('sent back in X-CSRF-Token with every write made through the session'),
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
      schema: z.object({ accessControl: z.enum(['on', 'off']), session: consoleSessionSchema.nullable() }),
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

export const consoleSessionRoutes = [startConsoleSessionRoute, getConsoleSessionRoute, endConsoleSessionRoute];
