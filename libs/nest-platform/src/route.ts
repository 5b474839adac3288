import {
  applyDecorators,
  Body,
  HttpCode,
  Param,
  Query,
  RequestMapping,
  RequestMethod,
  SetMetadata,
} from '@nestjs/common';
import type { z } from 'zod';
import { ZodValidationPipe } from './zod-validation.pipe';

export const ROLES = ['admin', 'slm', 'operations', 'auditor', 'customer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who may call a route: public, or the roles allowed and how a customer is kept to its own agreements
 * (the agreement named in the path or the query, the agreement of the report in the path, or a list
 * narrowed to the customer's own agreements). The rules themselves are named in `@sla/access-control`.
 */
export type Requirement =
  | { readonly public: true }
  | {
      readonly public: false;
      readonly roles: readonly Role[];
      readonly customerScope: 'agreement-path' | 'agreement-query' | 'report-path' | 'own-agreements' | 'none';
    };

export type ResponseDocumentation = {
  readonly description: string;
  readonly schema?: z.ZodType;
  /** application/json unless stated (an HTML page, a PDF). */
  readonly contentType?: string;
};

/**
 * One endpoint, declared once: the Nest binding (`@Endpoint`), the request validation (`@ValidBody`,
 * `@ValidQuery`, `@ValidParam`), the OpenAPI entry, the access rule the guard applies and the type the
 * handler must return all come from it.
 */
export type RouteDefinition = {
  readonly method: 'get' | 'post' | 'put' | 'patch';
  /** OpenAPI path template, e.g. `/agreements/{agreementId}`; the Express pattern is derived from it. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  /** Stable name for generated clients; derived from method and path when absent (see operationIdOf). */
  readonly operationId?: string;
  readonly access: Requirement;
  /** The status Nest answers with unless the handler sets another (e.g. 200 for a repeated delivery). */
  readonly status: number;
  readonly body?: z.ZodType;
  /**
   * What checks the body when the documented one is finer than a single schema can check: a fact
   * endpoint documents each fact type's own data, and its envelope is checked here while the handler
   * checks `data` by the same event schemas the document was built from.
   */
  readonly bodyValidation?: z.ZodType;
  readonly query?: z.ZodObject;
  /** Sent with every write: optimistic concurrency by stream revision. */
  readonly ifMatch?: boolean;
  readonly responses: Readonly<Record<number, ResponseDocumentation>>;
};

/** Keeps the literal types of a definition, so the handler's return type can be read from its responses. */
export const defineRoute = <const Route extends RouteDefinition>(route: Route): Route => route;

// A redirect (302, 303) is how a browser navigation succeeds: the handler sends it itself, with no body.
type SuccessStatus = 200 | 201 | 202 | 204 | 302 | 303;
type SuccessResponses<Route extends RouteDefinition> = Route['responses'][Extract<
  keyof Route['responses'],
  SuccessStatus
>];

/** A value the handler may hand over read-only: serialising it never writes to it. */
type ReadOnly<Type> = Type extends (...parameters: never[]) => unknown
  ? Type
  : Type extends readonly (infer Item)[]
    ? readonly ReadOnly<Item>[]
    : Type extends object
      ? { readonly [Key in keyof Type]: ReadOnly<Type[Key]> }
      : Type;

/**
 * What a handler may return: the union of its JSON success responses' schemas. A route answering a page,
 * a PDF or a schemaless body writes it itself (`@Res()`), so its return type is left open.
 */
export type RouteResult<Route extends RouteDefinition> =
  SuccessResponses<Route> extends infer Response
    ? Response extends { readonly schema: z.ZodType; readonly contentType?: undefined }
      ? ReadOnly<z.input<Response['schema']>>
      : unknown
    : never;

type KeysOf<Type> = Type extends unknown ? keyof Type : never;
type ValueAt<Type, Key extends PropertyKey> = Type extends unknown
  ? Key extends keyof Type
    ? Type[Key]
    : never
  : never;

/**
 * The paths of fields a handler returns that its response schema does not declare (never when none): a
 * field dropped from the schema while the handler still sends it is documentation drift too. `any`
 * (an untyped query result) is not checked.
 */
export type UndeclaredFields<Returned, Declared, Path extends string = ''> = 0 extends 1 & Returned
  ? never
  : Returned extends readonly (infer Item)[]
    ? Declared extends readonly (infer DeclaredItem)[]
      ? UndeclaredFields<Item, DeclaredItem, `${Path}[]`>
      : never
    : Returned extends object
      ? [Declared] extends [object]
        ? string extends KeysOf<Declared>
          ? never
          : | `${Path}${Exclude<keyof Returned, KeysOf<Declared> | symbol | number>}`
            | {
                [Key in Extract<keyof Returned, KeysOf<Declared>> & string]: UndeclaredFields<
                  Returned[Key],
                  ValueAt<Declared, Key>,
                  `${Path}${Key}.`
                >;
              }[Extract<keyof Returned, KeysOf<Declared>> & string]
        : never
      : never;

type Handler<Route extends RouteDefinition> = (
  ...parameters: never[]
) => RouteResult<Route> | Promise<RouteResult<Route>>;

/** A handler whose result has fields its schema lacks turns into this, and tsc names the fields. */
type Exactly<Route extends RouteDefinition, Method> = Method extends (...parameters: never[]) => infer Result
  ? [UndeclaredFields<Awaited<Result>, RouteResult<Route>>] extends [never]
    ? Method
    : { undeclaredResponseFields: UndeclaredFields<Awaited<Result>, RouteResult<Route>> }
  : Method;

/** Metadata key of the route definition on its handler (read by the access guard). */
export const ROUTE_DEFINITION = Symbol('ROUTE_DEFINITION');

/** `/agreements/{agreementId}` → `/agreements/:agreementId`. */
export const expressPath = (template: string) => template.replace(/\{(\w+)\}/g, ':$1');

const METHODS = {
  get: RequestMethod.GET,
  post: RequestMethod.POST,
  put: RequestMethod.PUT,
  patch: RequestMethod.PATCH,
} as const;

/**
 * Binds a controller method to its route: verb, path, status and the definition the guard reads. The
 * descriptor's type makes tsc refuse a handler whose result is not the declared response, or has fields
 * the response does not declare. Use it in a controller without a path prefix (`@Controller()`).
 */
export function Endpoint<const Route extends RouteDefinition>(route: Route) {
  const decorate = applyDecorators(
    RequestMapping({ path: expressPath(route.path), method: METHODS[route.method] }),
    HttpCode(route.status),
    SetMetadata(ROUTE_DEFINITION, route),
  );
  return <Method extends Handler<Route>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<Method & Exactly<Route, Method>>,
  ): void => {
    decorate(target, key, descriptor);
  };
}

/** The request body, validated by the route's body schema (or its `bodyValidation`). */
export const ValidBody = (route: RouteDefinition & { readonly body: z.ZodType }) =>
  Body(new ZodValidationPipe(route.bodyValidation ?? route.body));

/** The query string, validated by the route's query schema. */
export const ValidQuery = (route: RouteDefinition & { readonly query: z.ZodObject }) =>
  Query(new ZodValidationPipe(route.query, 'query'));

/** A path parameter of the route, validated by the given schema; a 400 names the parameter. */
export const ValidParam = (route: RouteDefinition, name: string, schema: z.ZodType) => {
  if (!route.path.includes(`{${name}}`)) throw new Error(`${route.method} ${route.path} has no parameter ${name}`);
  return Param(name, new ZodValidationPipe(schema, 'path'));
};

export type BodyOf<Route extends { readonly body: z.ZodType; readonly bodyValidation?: z.ZodType }> = Route extends {
  readonly bodyValidation: z.ZodType;
}
  ? z.output<Route['bodyValidation']>
  : z.output<Route['body']>;
export type QueryOf<Route extends { readonly query: z.ZodObject }> = z.output<Route['query']>;
