import {
  createParamDecorator,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { ROUTE_DEFINITION, RequestValidationError, versionParameter, type RouteDefinition } from '@sla/nest-platform';
import type { Principal } from './access-policy';
import { CREDENTIAL_VERIFIERS, verifyCredential, type CredentialVerifiers } from './credentials';
import {
  CONSOLE_SESSIONS,
  CSRF_HEADER,
  csrfTokenMatches,
  sessionTokenOf,
  type ConsoleSessions,
} from './console-sessions/console-sessions';
import { CUSTOMER_SCOPE, type CustomerScope } from './customer-scope';

type Request = {
  method: string;
  route?: { path: string };
  headers: Record<string, string | string[] | undefined>;
  params: Record<string, string>;
  query: Record<string, unknown>;
  principal?: Principal;
  customerAgreements?: readonly string[];
};

/**
 * The agreements of the calling customer, for a list a customer may read narrowed to its own
 * (customer scope 'own-agreements'); undefined for every other caller and with access control off.
 */
export const CustomerAgreements = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<Request>().customerAgreements,
);

function presentedKey(request: Request): string | undefined {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const authorization = header('authorization');
  if (authorization?.toLowerCase().startsWith('bearer ')) return authorization.slice(7).trim();
  return header('x-api-key')?.trim() || undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The authenticated caller, or null while access control is off. */
export const RequestPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal | null =>
    context.switchToHttp().getRequest<Request>().principal ?? null,
);

/** Authenticates the API key, checks the route's roles, and keeps customers to their own agreements. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(CREDENTIAL_VERIFIERS) private readonly verifiers: CredentialVerifiers,
    @Inject(CUSTOMER_SCOPE) private readonly scope: CustomerScope,
    @Inject(CONSOLE_SESSIONS) private readonly sessions: ConsoleSessions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.verifiers) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const route = request.route?.path ?? '';
    const requirement = routeOf(context).access;
    if (requirement.public) return true;
    const principal = await this.authenticate(request);
    if (!requirement.roles.includes(principal.role)) {
      throw new ForbiddenException(
        `the ${principal.role} role may not ${request.method} ${route} (allowed: ${requirement.roles.join(', ')})`,
      );
    }
    if (principal.role === 'customer' && requirement.customerScope === 'own-agreements') {
      request.customerAgreements = await this.agreementsOf(principal.customer!, request.query.agreementId);
    } else if (principal.role === 'customer') {
      const agreementId =
        requirement.customerScope === 'report-path'
          ? await this.customerReportAgreement(request)
          : requirement.customerScope === 'agreement-path'
            ? request.params.agreementId
            : typeof request.query.agreementId === 'string'
              ? request.query.agreementId
              : undefined;
      if (!agreementId)
        throw new ForbiddenException('a customer sees one of its own agreements at a time: name it (agreementId)');
      if ((await this.scope.counterpartyOf(agreementId)) !== principal.customer)
        throw new ForbiddenException(`agreement '${agreementId}' is not one of ${principal.customer}'s agreements`);
    }
    request.principal = principal;
    return true;
  }

  /**
   * The caller: by the credential in the request's headers, else by the console's session cookie. A session's
   * credential is checked again on every request (a revocation ends the session at once), and a write through a
   * session must carry the session's CSRF token: the cookie alone, which the browser adds by itself, proves nothing.
   */
  private async authenticate(request: Request): Promise<Principal> {
    const key = presentedKey(request);
    if (key) return verifyCredential(this.verifiers ?? [], key);
    const token = sessionTokenOf(request.headers);
    if (!token)
      throw new UnauthorizedException(
        'send an API key or an access token: Authorization: Bearer <key or token> (or X-Api-Key: <key>)',
      );
    const session = await this.sessions.resolve(token);
    if (!session) throw new UnauthorizedException('the console session has ended or expired: sign in again');
    const principal = await verifyCredential(this.verifiers ?? [], session.credential);
    if (!SAFE_METHODS.has(request.method)) {
      const presented = request.headers[CSRF_HEADER];
      if (!csrfTokenMatches(token, typeof presented === 'string' ? presented : undefined))
        throw new ForbiddenException("a write through the console's session carries its CSRF token in X-CSRF-Token");
    }
    return principal;
  }

  /** A customer's agreements (counterparty = the customer); 403 when the query names another's. */
  private async agreementsOf(customer: string, named: unknown): Promise<string[]> {
    const own = await this.scope.agreementsWithCounterparty(customer);
    if (typeof named === 'string' && !own.includes(named))
      throw new ForbiddenException(`agreement '${named}' is not one of ${customer}'s agreements`);
    return own;
  }

  /** The agreement of a customer report whose every revision asked for is published; otherwise 403. */
  private async customerReportAgreement(request: Request): Promise<string> {
    const reportId = request.params.reportId;
    const report = await this.scope.reportOf(reportId);
    if (report?.audience !== 'customer') throw new ForbiddenException(`report '${reportId}' is not a customer report`);
    const revisions = revisionsAskedFor(request);
    if (revisions.length === 0 || revisions.some((revision) => !Number.isInteger(revision)))
      throw new ForbiddenException('a customer reads one published revision at a time');
    const published = await this.scope.publishedRevisions(reportId, revisions);
    if (published.length !== new Set(revisions).size)
      throw new ForbiddenException(`customers see published revisions only (report '${reportId}')`);
    return report.agreementId;
  }
}

/** The definition of the route a request matched: every handler has one, and an undeclared one is refused. */
function routeOf(context: ExecutionContext): RouteDefinition {
  const route: RouteDefinition | undefined = Reflect.getMetadata(ROUTE_DEFINITION, context.getHandler());
  if (!route) throw new Error(`${context.getClass().name}.${context.getHandler().name} has no route definition`);
  return route;
}

/**
 * The revision numbers a customer asks for, checked as the route's own pipes
 * would (the guard runs first): 99999999999999999999 must be a 400 naming the
 * parameter, not a query the database refuses as out of range.
 */
function revisionsAskedFor(request: Request): number[] {
  const asked = [
    { location: 'path' as const, name: 'revision', value: request.params.revision },
    { location: 'query' as const, name: 'from', value: request.query.from },
    { location: 'query' as const, name: 'to', value: request.query.to },
  ];
  return asked.flatMap(({ location, name, value }) => {
    if (typeof value !== 'string') return [];
    const parsed = versionParameter.safeParse(value);
    if (!parsed.success)
      throw new RequestValidationError(location, [{ path: name, message: parsed.error.issues[0].message }]);
    return [parsed.data];
  });
}
