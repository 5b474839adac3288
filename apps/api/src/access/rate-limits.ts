import {
  Catch,
  HttpException,
  HttpStatus,
  type ArgumentsHost,
  type CallHandler,
  type ExceptionFilter,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Observable } from 'rxjs';
import type { AccessTrail, CredentialVerifiers, Principal } from '@sla/access-control';
import type { Configuration } from '@sla/configuration';

type Request = {
  method: string;
  path: string;
  ip?: string;
  socket: { remoteAddress?: string };
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
};
type Response = {
  statusCode: number;
  headersSent: boolean;
  setHeader(name: string, value: string): void;
  status(code: number): { json(body: unknown): void };
};

/**
 * The limiters of one API process. They count in this process's memory: with several replicas (issue 19) each
 * allows its own share, so a limit is per replica (see docs/access-control.md for the shared PostgreSQL store).
 */
export type RateLimits = {
  readonly perAddress: RateLimiterMemory;
  readonly failedAuthentication: RateLimiterMemory;
  readonly perPrincipal: RateLimiterMemory;
  readonly perOperationsPrincipal: RateLimiterMemory;
};

export function rateLimits(configuration: Configuration): RateLimits {
  return {
    perAddress: new RateLimiterMemory({
      keyPrefix: 'address',
      points: configuration.RATE_LIMIT_ADDRESS_PER_SECOND,
      duration: 1,
    }),
    // One refusal beyond the allowance blocks the address for a minute, whatever it presents meanwhile: guessing
    // keys costs a minute per few guesses, and a blocked guesser learns nothing (429 before any key is checked).
    failedAuthentication: new RateLimiterMemory({
      keyPrefix: 'failed-authentication',
      points: configuration.RATE_LIMIT_FAILED_AUTH_PER_MINUTE,
      duration: 60,
      blockDuration: 60,
    }),
    perPrincipal: new RateLimiterMemory({
      keyPrefix: 'principal',
      points: configuration.RATE_LIMIT_PRINCIPAL_PER_SECOND,
      duration: 1,
    }),
    perOperationsPrincipal: new RateLimiterMemory({
      keyPrefix: 'operations-principal',
      points: configuration.RATE_LIMIT_OPERATIONS_PER_SECOND,
      duration: 1,
    }),
  };
}

/** The caller's address as Express sees it (the socket's peer; `::ffff:` of IPv4 over IPv6 dropped). */
export const sourceAddressOf = (request: Request) =>
  (request.ip ?? request.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');

const retryAfterSeconds = (refusal: RateLimiterRes) => Math.max(1, Math.ceil(refusal.msBeforeNext / 1_000));

/** RateLimit-* (IETF draft) for a limiter's decision, and Retry-After when it refused. */
function setLimitHeaders(response: Response, limit: number, decision: RateLimiterRes, refused: boolean): void {
  response.setHeader('RateLimit-Limit', String(limit));
  response.setHeader('RateLimit-Remaining', String(Math.max(0, decision.remainingPoints)));
  response.setHeader('RateLimit-Reset', String(retryAfterSeconds(decision)));
  if (refused) response.setHeader('Retry-After', String(retryAfterSeconds(decision)));
}

const tooManyRequests = (message: string) => ({ error: { code: 'TOO_MANY_REQUESTS', message } });

/**
 * Express middleware before the routes (and so before the access guard): an address blocked for failed
 * authentication, or over its requests per second, gets 429 with Retry-After, and the trail records the refusal.
 */
export function addressRateLimit(limits: RateLimits, trail: AccessTrail | null) {
  return async (request: Request, response: Response, next: (error?: unknown) => void) => {
    const address = sourceAddressOf(request);
    const refuse = (decision: RateLimiterRes, limit: number, reason: string) => {
      setLimitHeaders(response, limit, decision, true);
      response.status(HttpStatus.TOO_MANY_REQUESTS).json(tooManyRequests(reason));
      void trail?.recordDenial({
        status: 429,
        reason,
        method: request.method,
        path: request.path,
        sourceAddress: address,
        principal: null,
        presentedCredential: null,
      });
    };
    const blocked = await limits.failedAuthentication.get(address);
    if (blocked && blocked.consumedPoints > limits.failedAuthentication.points) {
      refuse(
        blocked,
        limits.failedAuthentication.points,
        `too many failed authentications from ${address}: retry later`,
      );
      return;
    }
    try {
      await limits.perAddress.consume(address);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) return next(refusal);
      refuse(
        refusal,
        limits.perAddress.points,
        `more than ${limits.perAddress.points} requests per second from ${address}`,
      );
      return;
    }
    next();
  };
}

/**
 * After the access guard (interceptors run after guards): the authenticated principal's requests per second, by
 * role (operations feed facts at volume; people and portals do not), and its entry in the access trail.
 */
export class PrincipalRateLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly limits: RateLimits,
    private readonly trail: AccessTrail | null,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    const principal = request.principal;
    if (!principal) return next.handle();
    const limiter = principal.role === 'operations' ? this.limits.perOperationsPrincipal : this.limits.perPrincipal;
    // Per principal, not per credential: a person signing in again (a fresh token) keeps the budget they used.
    const key = principal.actor;
    const response = context.switchToHttp().getResponse<Response>();
    try {
      setLimitHeaders(response, limiter.points, await limiter.consume(key), false);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      setLimitHeaders(response, limiter.points, refusal, true);
      throw new HttpException(
        `more than ${limiter.points} requests per second for ${principal.actor} (role ${principal.role})`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    void this.trail?.recordUse(principal, {
      method: request.method,
      path: request.path,
      sourceAddress: sourceAddressOf(request),
    });
    return next.handle();
  }
}

function presentedCredential(request: Request): string | null {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const authorization = header('authorization');
  if (authorization?.toLowerCase().startsWith('bearer ')) return authorization.slice(7).trim() || null;
  return header('x-api-key')?.trim() || null;
}

/**
 * Wraps the product's error filter: while access control is on, a 401 of the guard counts against the address's
 * failed authentications, and every 401, 403 and 429 goes into the access trail before the error is answered as
 * usual. The guard refuses a role before it
 * hands the principal on, so a 403's principal is asked of the verifiers again (403s are few: the trail is bounded).
 */
@Catch()
export class AccessDenialFilter implements ExceptionFilter {
  constructor(
    private readonly inner: ExceptionFilter,
    private readonly limits: RateLimits,
    private readonly trail: AccessTrail | null,
    private readonly verifiers: CredentialVerifiers,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const status = exception instanceof HttpException ? exception.getStatus() : undefined;
    if (this.trail && (status === 401 || status === 403 || status === 429)) {
      const request = host.switchToHttp().getRequest<Request>();
      // A failed authentication is a credential the guard did not accept: a 401 after the guard let the request
      // through (a webhook's body signature) is a refusal, not a guess at a key. Counted before the answer goes out,
      // so the next guess from the address already meets the block.
      if (status === 401 && !request.principal)
        void this.limits.failedAuthentication.consume(sourceAddressOf(request)).catch(() => undefined);
      void this.recordDenial(this.trail, request, status, (exception as HttpException).message);
    }
    this.inner.catch(exception, host);
  }

  private async recordDenial(
    trail: AccessTrail,
    request: Request,
    status: 401 | 403 | 429,
    reason: string,
  ): Promise<void> {
    const presented = presentedCredential(request);
    const principal = request.principal ?? (status === 401 ? null : await this.principalOf(presented));
    await trail.recordDenial({
      status,
      reason,
      method: request.method,
      path: request.path,
      sourceAddress: sourceAddressOf(request),
      principal,
      presentedCredential: principal ? null : presented,
    });
  }

  private async principalOf(credential: string | null): Promise<Principal | null> {
    if (!credential || !this.verifiers) return null;
    for (const verifier of this.verifiers) {
      const principal = await verifier.principalFor(credential).catch(() => null);
      if (principal) return principal;
    }
    return null;
  }
}
