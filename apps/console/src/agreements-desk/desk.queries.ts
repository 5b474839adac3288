import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, required } from '../api/client';
import type { paths } from '../api/schema';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

export type Agreement = Json<'/agreements/{agreementId}', 'get'>;
export type AgreementVersion = Agreement['versions'][number];
export type UnderpinningGap = AgreementVersion['underpinningGaps'][number];
export type FollowUp = Json<'/compliance/follow-ups', 'get'>['items'][number];
export type Review = Json<'/reviews', 'get'>['items'][number];
export type Plan = Json<'/improvement-plans', 'get'>['items'][number];

/** A refusal of the API: its status, stable code, message and the fields it names (400 issues). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    readonly issues: readonly { path: string; message: string }[],
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Answer = { data?: unknown; error?: unknown; response: Response };

/** openapi-fetch's answer as data, or an ApiError carrying the API's code, message and field issues. */
async function accepted<T extends Answer>(call: Promise<T>): Promise<NonNullable<T['data']>> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) {
    const detail = (
      error as
        | {
            error?: {
              code?: string;
              message?: string;
              issues?: { path: string; message: string }[];
              details?: unknown;
            };
          }
        | undefined
    )?.error;
    throw new ApiError(
      response.status,
      detail?.code,
      detail?.message ?? response.statusText,
      detail?.issues ?? [],
      detail?.details,
    );
  }
  return data as NonNullable<T['data']>;
}

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/**
 * The API answers once the events are stored; its read models follow a moment later. A form waits until the read
 * model shows the write (or a few seconds pass) before the page refreshes, so what it shows is what was recorded.
 */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    if (await check().catch(() => false)) return;
    await pause(250);
  }
}

/** With access control off the API takes the actor from X-Actor; with it on, from the session. */
const actorHeader = (actor: string | undefined) => (actor === undefined ? {} : { 'X-Actor': actor });

export function useCatalogue() {
  const services = useQuery({
    queryKey: ['desk', 'services'],
    queryFn: () => required(api.GET('/services', { params: { query: { limit: 200 } } })),
  });
  const calendars = useQuery({
    queryKey: ['desk', 'calendars'],
    queryFn: () => required(api.GET('/calendars', { params: { query: { limit: 200 } } })),
  });
  return { services, calendars };
}

export function useDraftingAgreements() {
  return useQuery({
    queryKey: ['desk', 'agreements'],
    queryFn: () => required(api.GET('/agreements', { params: { query: { limit: 200 } } })),
  });
}

async function fetchAgreement(agreementId: string) {
  const { data, error, response } = await api.GET('/agreements/{agreementId}', {
    params: { path: { agreementId } },
  });
  if (response.status === 404) return null;
  if (error !== undefined || data === undefined) throw new Error(`${response.status} ${response.statusText}`);
  // The ETag is the stream revision the page read: every write sends it back as If-Match.
  return { ...data, etag: response.headers.get('ETag') ?? `"${data.revision}"` };
}

export function useAgreement(agreementId: string) {
  return useQuery({ queryKey: ['desk', 'agreement', agreementId], queryFn: () => fetchAgreement(agreementId) });
}

/**
 * The gaps a submission of a draft would record, checked now against the approved OLAs and UCs (read-only). Keyed
 * by the agreement's revision, so a revised draft is checked again.
 */
export function useGapsPreview(agreementId: string, version: number, revision: number, enabled: boolean) {
  return useQuery({
    queryKey: ['desk', 'gaps-preview', agreementId, version, revision],
    enabled,
    queryFn: () =>
      required(
        api.GET('/agreements/{agreementId}/versions/{version}/underpinning-gaps', {
          params: { path: { agreementId, version: String(version) } },
        }),
      ),
  });
}

function useAgreementWrite<Input>(agreementId: string, write: (input: Input) => Promise<{ streamRevision: string }>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: Input) => {
      const answer = await write(input);
      await until(async () => ((await fetchAgreement(agreementId))?.revision ?? -1) >= Number(answer.streamRevision));
      return answer;
    },
    // Not awaited: the form's own callbacks run while it is still mounted, before the refreshed data may remove it.
    onSettled: () => void client.invalidateQueries({ queryKey: ['desk'] }),
  });
}

type DraftInput = {
  actor?: string | undefined;
  body: paths['/agreements']['post']['requestBody']['content']['application/json'];
};

/** A new agreement: its history (never a 404 while the read model catches up) shows when the draft is readable. */
export function useDraftAgreement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: DraftInput) => {
      const answer = await accepted(
        api.POST('/agreements', { params: { header: actorHeader(input.actor) }, body: input.body }),
      );
      await until(async () => {
        const history = await required(
          api.GET('/agreements/{agreementId}/history', { params: { path: { agreementId: answer.agreementId } } }),
        );
        return history.length > Number(answer.streamRevision);
      });
      return answer;
    },
    // Not awaited: the form's own callbacks run while it is still mounted, before the refreshed data may remove it.
    onSettled: () => void client.invalidateQueries({ queryKey: ['desk'] }),
  });
}

type VersionWrite<Body> = { actor?: string | undefined; etag: string; version: number; body: Body };
type SignBody =
  paths['/agreements/{agreementId}/versions/{version}/signatures']['post']['requestBody']['content']['application/json'];
type AmendBody = paths['/agreements/{agreementId}/amendments']['post']['requestBody']['content']['application/json'];

export function useSubmitVersion(agreementId: string) {
  return useAgreementWrite(agreementId, (input: VersionWrite<Record<string, never>>) =>
    accepted(
      api.POST('/agreements/{agreementId}/versions/{version}/submission', {
        params: {
          path: { agreementId, version: String(input.version) },
          header: { 'If-Match': input.etag, ...actorHeader(input.actor) },
        },
        body: input.body,
      }),
    ),
  );
}

export function useSignVersion(agreementId: string) {
  return useAgreementWrite(agreementId, (input: VersionWrite<SignBody>) =>
    accepted(
      api.POST('/agreements/{agreementId}/versions/{version}/signatures', {
        params: {
          path: { agreementId, version: String(input.version) },
          header: { 'If-Match': input.etag, ...actorHeader(input.actor) },
        },
        body: input.body,
      }),
    ),
  );
}

export function useAmendAgreement(agreementId: string) {
  return useAgreementWrite(agreementId, (input: Omit<VersionWrite<AmendBody>, 'version'>) =>
    accepted(
      api.POST('/agreements/{agreementId}/amendments', {
        params: { path: { agreementId }, header: { 'If-Match': input.etag, ...actorHeader(input.actor) } },
        body: input.body,
      }),
    ),
  );
}

export function useFollowUps(agreementId: string) {
  return useQuery({
    queryKey: ['desk', 'follow-ups', agreementId],
    queryFn: () =>
      required(api.GET('/compliance/follow-ups', { params: { query: { agreementId, status: 'open', limit: 200 } } })),
  });
}

type FollowUpBody =
  paths['/compliance/breaches/{breachEventId}/follow-up']['post']['requestBody']['content']['application/json'];

/** A breach follow-up step; the step is recorded once its event is stored, the list follows a moment later. */
export function useRecordFollowUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { breachEventId: string; actor?: string | undefined; body: FollowUpBody }) => {
      const answer = await accepted(
        api.POST('/compliance/breaches/{breachEventId}/follow-up', {
          params: { path: { breachEventId: input.breachEventId }, header: actorHeader(input.actor) },
          body: input.body,
        }),
      );
      await pause(500);
      return answer;
    },
    // Not awaited: the form's own callbacks run while it is still mounted, before the refreshed data may remove it.
    onSettled: () => void client.invalidateQueries({ queryKey: ['desk'] }),
  });
}

export function useReviews(agreementId: string) {
  return useQuery({
    queryKey: ['desk', 'reviews', agreementId],
    queryFn: () => required(api.GET('/reviews', { params: { query: { agreementId, limit: 200 } } })),
  });
}

async function fetchReview(reviewId: string) {
  return required(api.GET('/reviews/{reviewId}', { params: { path: { reviewId } } }));
}

type ScheduleBody = paths['/reviews']['post']['requestBody']['content']['application/json'];
type HoldBody = paths['/reviews/{reviewId}/minutes']['post']['requestBody']['content']['application/json'];

export function useScheduleReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { actor?: string | undefined; body: ScheduleBody }) => {
      const answer = await accepted(
        api.POST('/reviews', { params: { header: actorHeader(input.actor) }, body: input.body }),
      );
      // The list, not the review itself: that answers 404 until the read model has it.
      await until(async () => {
        const listed = await required(
          api.GET('/reviews', { params: { query: { agreementId: input.body.agreementIds[0], limit: 500 } } }),
        );
        return listed.items.some((review) => review.reviewId === input.body.reviewId);
      });
      return answer;
    },
    // Not awaited: the form's own callbacks run while it is still mounted, before the refreshed data may remove it.
    onSettled: () => void client.invalidateQueries({ queryKey: ['desk'] }),
  });
}

/**
 * The review's facts are its stream's events, one each: their count less one is the revision the form read, sent as
 * If-Match so minutes recorded meanwhile by someone else are refused (409), never overwritten.
 */
export const reviewRevision = (review: Review) => `"${review.facts.length - 1}"`;

export function useHoldReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: {
      reviewId: string;
      revision: string;
      actor?: string | undefined;
      body: HoldBody;
      agreementId: string;
      planIds: readonly string[];
    }) => {
      const answer = await accepted(
        api.POST('/reviews/{reviewId}/minutes', {
          params: {
            path: { reviewId: input.reviewId },
            header: { 'If-Match': input.revision, ...actorHeader(input.actor) },
          },
          body: input.body,
        }),
      );
      await until(async () => (await fetchReview(input.reviewId)).status === 'held');
      // The plans its decisions open are carried out just after the minutes are stored (the review follow-ups reactor).
      if (input.planIds.length > 0)
        await until(async () => {
          const plans = await required(
            api.GET('/improvement-plans', { params: { query: { agreementId: input.agreementId, limit: 500 } } }),
          );
          return input.planIds.every((planId) => plans.items.some((plan) => plan.planId === planId));
        });
      return answer;
    },
    // Not awaited: the form's own callbacks run while it is still mounted, before the refreshed data may remove it.
    onSettled: () => void client.invalidateQueries({ queryKey: ['desk'] }),
  });
}

export function usePlans(agreementId: string) {
  return useQuery({
    queryKey: ['desk', 'plans', agreementId],
    queryFn: () => required(api.GET('/improvement-plans', { params: { query: { agreementId, limit: 200 } } })),
  });
}

export type PlanStep = 'details' | 'approval' | 'progress' | 'effectiveness-review' | 'closure';

/** The step a plan's phase allows next (Plan, approve, Do, Check, Act); progress may repeat until it is checked. */
export function nextPlanStep(phase: string): PlanStep | null {
  switch (phase) {
    case 'opened':
      return 'details';
    case 'planned':
      return 'approval';
    case 'approved':
      return 'progress';
    case 'in-progress':
      return 'effectiveness-review';
    case 'checked':
      return 'closure';
    default:
      return null;
  }
}

/** As for reviews: one fact per event of the plan's stream. */
export const planRevision = (plan: Plan) => `"${plan.facts.length - 1}"`;

export function usePlanStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: {
      planId: string;
      step: PlanStep;
      revision: string;
      actor?: string | undefined;
      body: Record<string, unknown>;
    }) => {
      const params = {
        path: { planId: input.planId },
        header: { 'If-Match': input.revision, ...actorHeader(input.actor) },
      };
      const body = input.body as never;
      const call =
        input.step === 'details'
          ? api.POST('/improvement-plans/{planId}/details', { params, body })
          : input.step === 'approval'
            ? api.POST('/improvement-plans/{planId}/approval', { params, body })
            : input.step === 'progress'
              ? api.POST('/improvement-plans/{planId}/progress', { params, body })
              : input.step === 'effectiveness-review'
                ? api.POST('/improvement-plans/{planId}/effectiveness-review', { params, body })
                : api.POST('/improvement-plans/{planId}/closure', { params, body });
      const answer = await accepted(call);
      const facts = Number(input.revision.replaceAll('"', '')) + 2;
      await until(async () => {
        const plan = await required(
          api.GET('/improvement-plans/{planId}', { params: { path: { planId: input.planId } } }),
        );
        return plan.facts.length >= facts;
      });
      return answer;
    },
    // Not awaited: the form's own callbacks run while it is still mounted, before the refreshed data may remove it.
    onSettled: () => void client.invalidateQueries({ queryKey: ['desk'] }),
  });
}
