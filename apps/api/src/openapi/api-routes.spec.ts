import { operationIdOf } from '@sla/nest-platform';
import { apiDocument, apiRoutes } from './openapi.controller';
import operationsBeforeIssue13Only from './fixtures/operations-before-issue-13.json';

/** Operations added since, each with the issue that added it. */
const addedSinceIssue13 = [
  // Issue 14 item 2: the seal finding as a metric, public like /health.
  { operation: 'GET /metrics', operationId: 'getMetrics', access: { public: true } },
  // Issue 16 pages 3 and 4: the live queue and a ticket's explained timeline, for staff like the ticket view.
  ...['GET /compliance/queue', 'GET /compliance/tickets/{ticketId}/timeline'].map((operation) => ({
    operation,
    operationId: operation === 'GET /compliance/queue' ? 'getComplianceQueue' : 'getComplianceTicketsTimeline',
    access: { public: false, roles: ['slm', 'operations', 'auditor', 'admin'], customerScope: 'none' },
  })),
  // Issue 16: the console's portfolio in one request instead of four per agreement; a customer's narrowed to its own.
  {
    operation: 'GET /compliance/portfolio',
    operationId: 'getCompliancePortfolio',
    access: {
      public: false,
      roles: ['slm', 'operations', 'auditor', 'admin', 'customer'],
      customerScope: 'own-agreements',
    },
  },
  // Issue 16 access: the console's sign-in (API key → session cookie), its session, and sign-out.
  { operation: 'POST /session', operationId: 'postSession', access: { public: true } },
  { operation: 'GET /session', operationId: 'getSession', access: { public: true } },
  { operation: 'POST /session/sign-out', operationId: 'postSessionSignOut', access: { public: true } },
  // Issue 14 item 7: the console's sign-in at the OpenID provider (authorization code + PKCE, run by the API).
  { operation: 'GET /session/oidc/start', operationId: 'getSessionOidcStart', access: { public: true } },
  { operation: 'GET /session/oidc/callback', operationId: 'getSessionOidcCallback', access: { public: true } },
  // Issue 16 page 8: the evidence bundle `audit export` builds, a download for auditors and the SLMs who hand it over.
  {
    operation: 'GET /audit/agreements/{agreementId}/evidence-bundle',
    operationId: 'getAuditAgreementsEvidenceBundle',
    access: { public: false, roles: ['slm', 'auditor', 'admin'], customerScope: 'none' },
  },
  // Issue 16 page 9: a draft's underpinning gaps before it is submitted (read-only), for staff like the OLAs behind it.
  {
    operation: 'GET /agreements/{agreementId}/versions/{version}/underpinning-gaps',
    operationId: 'getAgreementsVersionsUnderpinningGaps',
    access: { public: false, roles: ['slm', 'operations', 'auditor', 'admin'], customerScope: 'none' },
  },
];
const operationsBeforeIssue13 = [...operationsBeforeIssue13Only, ...addedSinceIssue13];

/**
 * Routes are defined once since issue 13 (binding, validation, document and access rule from one
 * definition). The fixture is what the API had before: every operation with its operationId and the
 * access rule the guard applied to it, so neither the document nor the access policy moved.
 */
describe('the routes of the API', () => {
  it('are the operations, operationIds and access rules the API had before routes were defined once', () => {
    const operations = apiRoutes.map((route) => ({
      operation: `${route.method.toUpperCase()} ${route.path}`,
      operationId: operationIdOf(route),
      access: route.access.public
        ? { public: true }
        : { public: false, roles: [...route.access.roles], customerScope: route.access.customerScope },
    }));
    const byOperation = (list: readonly { operation: string }[]) =>
      [...list].sort((a, b) => a.operation.localeCompare(b.operation));
    expect(byOperation(operations)).toEqual(byOperation(operationsBeforeIssue13));
  });

  it('are the operations the document lists, one per path and verb', () => {
    const documented = Object.entries(apiDocument.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(operationsBeforeIssue13.map((operation) => operation.operation).sort());
  });
});
