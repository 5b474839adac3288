import { createHash, randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import {
  deterministicUuid,
  PartialDuplicateError,
  type EventDataOf,
  type EventStore,
  type NewEvent,
} from '@sla/event-sourcing';
import type { Clock } from '@sla/nest-platform';
import type { Credential, Principal } from '../access-policy';
import { AccessDenied, accessStreamName, CredentialUsed, PrincipalSignedIn } from './access.events';

/** Where and how a request came: what every access event records of it. */
export type AccessRequest = { readonly method: string; readonly path: string; readonly sourceAddress: string };

export type AccessDenial = AccessRequest & {
  readonly status: 401 | 403 | 429;
  readonly reason: string;
  readonly principal: Principal | null;
  /** The credential presented when no verifier recognised it. */
  readonly presentedCredential: string | null;
};

export type AccessTrailLimits = {
  /** Denials recorded per source address and minute; the rest are counted into the next one recorded. */
  readonly denialsPerAddressPerMinute: number;
  /** Denials recorded per minute from all addresses together (many addresses cannot flood the log either). */
  readonly denialsPerMinute: number;
};

/** How many addresses' counts of unrecorded denials are kept; beyond, they are counted under one key. */
const SUPPRESSED_ADDRESSES_KEPT = 10_000;
const EVERY_OTHER_ADDRESS = '*';

const fingerprintOf = (credential: string) =>
  createHash('sha256').update(credential, 'utf8').digest('hex').slice(0, 12);
const credentialKey = (principal: Principal) =>
  principal.credential ? `${principal.credential.kind}:${principal.credential.id}` : `actor:${principal.actor}`;

/**
 * Records the access trail as events: every denial (bounded per address and overall, the excess counted), the
 * first use of each credential (sign-in) and its first use in each hour (key use). Appends never hold up or fail
 * the request they describe: a store that cannot take them is logged.
 *
 * The event ids of sign-ins and hourly uses are derived from the credential (and hour), so several API processes,
 * or one restarted, record each once: the store ignores an id it already holds.
 */
export class AccessTrail {
  private readonly logger = new Logger('AccessTrail');
  private readonly perAddress: RateLimiterMemory;
  private readonly overall: RateLimiterMemory;
  private readonly suppressed = new Map<string, number>();
  /** The hour each credential's use was last recorded in this process: most requests append nothing. */
  private readonly usedInHour = new Map<string, string>();

  constructor(
    private readonly eventStore: Pick<EventStore, 'appendToStream'>,
    private readonly clock: Clock,
    limits: AccessTrailLimits,
  ) {
    this.perAddress = new RateLimiterMemory({
      keyPrefix: 'denial-events',
      points: limits.denialsPerAddressPerMinute,
      duration: 60,
    });
    this.overall = new RateLimiterMemory({
      keyPrefix: 'all-denial-events',
      points: limits.denialsPerMinute,
      duration: 60,
    });
  }

  /** A refused request: recorded unless its address (or everyone together) used up the trail's budget. */
  async recordDenial(denial: AccessDenial): Promise<void> {
    const address = denial.sourceAddress;
    try {
      await this.perAddress.consume(address);
      await this.overall.consume(EVERY_OTHER_ADDRESS);
    } catch {
      this.countSuppressed(address);
      return;
    }
    const suppressedBefore = this.takeSuppressed(address);
    const now = this.clock.now();
    const principal = denial.principal;
    const data: EventDataOf<typeof AccessDenied> = {
      occurredAt: now.toISOString(),
      method: denial.method,
      path: denial.path.slice(0, 2_000),
      sourceAddress: address,
      status: denial.status,
      reason: denial.reason.slice(0, 500),
      credential: principal?.credential ? { ...principal.credential } : null,
      actor: principal?.actor ?? null,
      presentedFingerprint: !principal && denial.presentedCredential ? fingerprintOf(denial.presentedCredential) : null,
      suppressedBefore,
    };
    await this.append(now, {
      id: randomUUID(),
      type: AccessDenied.type,
      schemaVersion: AccessDenied.schemaVersion,
      data,
      metadata: { actor: principal?.actor ?? 'unauthenticated', correlationId: randomUUID(), source: 'api' },
    });
  }

  /** An authenticated request: the credential's sign-in the first time, its use the first time in each hour. */
  async recordUse(principal: Principal, request: AccessRequest): Promise<void> {
    const now = this.clock.now();
    const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000).toISOString();
    const key = credentialKey(principal);
    if (this.usedInHour.get(key) === hour) return;
    if (this.usedInHour.size >= SUPPRESSED_ADDRESSES_KEPT) this.usedInHour.clear();
    this.usedInHour.set(key, hour);
    const common = {
      occurredAt: now.toISOString(),
      method: request.method,
      path: request.path.slice(0, 2_000),
      sourceAddress: request.sourceAddress,
      credential: principal.credential ? ({ ...principal.credential } satisfies Credential) : null,
      actor: principal.actor,
      role: principal.role,
      customer: principal.customer,
    };
    const metadata = { actor: principal.actor, correlationId: randomUUID(), source: 'api' };
    const signedIn: EventDataOf<typeof PrincipalSignedIn> = common;
    await this.append(now, {
      id: deterministicUuid(`access:signed-in:${key}`),
      type: PrincipalSignedIn.type,
      schemaVersion: PrincipalSignedIn.schemaVersion,
      data: signedIn,
      metadata,
    });
    const used: EventDataOf<typeof CredentialUsed> = { ...common, hour };
    await this.append(now, {
      id: deterministicUuid(`access:used:${key}:${hour}`),
      type: CredentialUsed.type,
      schemaVersion: CredentialUsed.schemaVersion,
      data: used,
      metadata,
    });
  }

  private async append(now: Date, event: NewEvent): Promise<void> {
    try {
      await this.eventStore.appendToStream(accessStreamName(now.toISOString().slice(0, 10)), [event], 'any');
    } catch (error) {
      // The same sign-in recorded on an earlier day: the id is held by that day's stream.
      if (error instanceof PartialDuplicateError) return;
      this.logger.error(`access event ${event.type} not recorded: ${error instanceof Error ? error.message : error}`);
    }
  }

  private countSuppressed(address: string): void {
    const key =
      this.suppressed.has(address) || this.suppressed.size < SUPPRESSED_ADDRESSES_KEPT ? address : EVERY_OTHER_ADDRESS;
    this.suppressed.set(key, (this.suppressed.get(key) ?? 0) + 1);
  }

  private takeSuppressed(address: string): number {
    const count = this.suppressed.get(address) ?? 0;
    this.suppressed.delete(address);
    return count;
  }
}
