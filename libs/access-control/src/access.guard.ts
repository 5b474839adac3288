import { ForbiddenException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { READ_STORE } from '@sla/nest-platform';
import { keyDigest, requirementFor, type Principal, type Principals } from './access-policy';

export const PRINCIPALS = Symbol('PRINCIPALS');

type Request = {
  method: string;
  route?: { path: string };
  headers: Record<string, string | string[] | undefined>;
  params: Record<string, string>;
  query: Record<string, unknown>;
  principal?: Principal;
};

function presentedKey(request: Request): string | undefined {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const authorization = header('authorization');
  if (authorization?.toLowerCase().startsWith('bearer ')) return authorization.slice(7).trim();
  return header('x-api-key')?.trim() || undefined;
}

/** Authenticates the API key, checks the route's roles, and keeps customers to their own agreements. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(PRINCIPALS) private readonly principals: Principals | null,
    @Inject(READ_STORE) private readonly db: Kysely<{ agreement: { agreement_id: string; counterparty: { name: string } } }>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.principals) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const route = request.route?.path ?? '';
    const requirement = requirementFor(request.method, route);
    if (requirement.public) return true;
    const key = presentedKey(request);
    if (!key) throw new UnauthorizedException('send an API key: Authorization: Bearer <key> (or X-Api-Key)');
    const principal = this.principals.get(keyDigest(key));
    if (!principal) throw new UnauthorizedException('the API key is not known');
    if (!requirement.roles.includes(principal.role)) {
      throw new ForbiddenException(`the ${principal.role} role may not ${request.method} ${route} (allowed: ${requirement.roles.join(', ')})`);
    }
    if (principal.role === 'customer') {
      const agreementId = requirement.customerScope === 'agreement-path' ? request.params.agreementId : typeof request.query.agreementId === 'string' ? request.query.agreementId : undefined;
      if (!agreementId) throw new ForbiddenException('a customer sees one of its own agreements at a time: name it (agreementId)');
      const agreement = await this.db.selectFrom('agreement').select('counterparty').where('agreement_id', '=', agreementId).executeTakeFirst();
      if (agreement?.counterparty.name !== principal.customer) throw new ForbiddenException(`agreement '${agreementId}' is not one of ${principal.customer}'s agreements`);
    }
    request.principal = principal;
    return true;
  }
}
