import type { z } from 'zod';
import type { Role } from './roles';
import { ZCreated, ZIdParams, ZOk } from './schemas';

/**
 * What a route must declare: who may call it at all. Fine-grained checks over the tree
 * happen in the service through the module's policy; this is the coarse, deny-by-default gate.
 */
export type RoutePolicy =
  /** `knowsResident`: also reads the resident cookie, if any, into `req.resident` (the phone's scan pages). */
  | { public: true; knowsResident?: true }
  | { authenticated: true; allowWhilePasswordDue?: boolean }
  | { roles: readonly Role[]; allowWhilePasswordDue?: boolean }
  /** A signed-in resident (phone pages): sets `req.resident`; staff sessions do not count. */
  | { resident: true };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The statuses a successful answer may have; an endpoint declares exactly one. */
export type SuccessStatus = 200 | 201 | 202 | 204;

/**
 * One endpoint, declared once in its module's contract: the server registers it
 * (`src/server/route.ts`, OpenAPI comes from it) and the web calls it (`src/web/api/client.ts`).
 */
export type EndpointSpec = {
  method: HttpMethod;
  /** Fastify's path syntax: `/api/teachers/:id`. */
  path: `/api/${string}`;
  summary: string;
  description?: string;
  policy: RoutePolicy;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /**
   * The success status and its JSON body. Leave out for an answer that is not JSON
   * (a download, a printed page, a multipart upload's own parsing): see `produces`.
   */
  responses?: Partial<Record<SuccessStatus, z.ZodType>>;
  /** Not JSON: the web links to it (`urlOf`) instead of calling it. */
  produces?: string;
};

/** The media type of an .xlsx download (`produces`). */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A list's export takes the list's filters without its paging: `ZTeacherQuery.omit(WITHOUT_PAGING)`
 * (src/server/xlsx-export.ts reads the whole list, page by page).
 */
export const WITHOUT_PAGING = { page: true, pageSize: true } as const;

/** A declared endpoint: its spec and the module's tag (OpenAPI group and query-cache group). */
export type Endpoint<S extends EndpointSpec = EndpointSpec> = S & { readonly tag: string };

/**
 * Declares a module's endpoints under one tag. `defineEndpoints('teachers', { list: {...} })`
 * gives `teachersApi.list` with every type the server and the web need.
 */
export function defineEndpoints<const T extends Record<string, EndpointSpec>>(
  tag: string,
  specs: T,
): { readonly [K in keyof T]: Endpoint<T[K]> } {
  const out: Record<string, Endpoint> = {};
  for (const [name, spec] of Object.entries(specs)) out[name] = { ...spec, tag };
  return out as { readonly [K in keyof T]: Endpoint<T[K]> };
}

type Schema<E, K extends 'params' | 'query' | 'body'> = E extends { [P in K]: infer S extends z.ZodType } ? S : never;

/** The success body's schema (the one declared status). */
type ResponseSchema<E> = E extends { responses: infer R }
  ? R extends Record<200, infer S extends z.ZodType>
    ? S
    : R extends Record<201, infer S extends z.ZodType>
      ? S
      : R extends Record<202, infer S extends z.ZodType>
        ? S
        : R extends Record<204, infer S extends z.ZodType>
          ? S
          : never
  : never;

/**
 * A query string as the caller writes it: the schema's input, except that a coerced field
 * (typed `unknown` on input) takes its output type (`page: number`), keeping its optionality.
 */
type QueryInput<S extends z.ZodType> = {
  [K in keyof z.input<S>]: unknown extends z.input<S>[K]
    ? K extends keyof z.output<S>
      ? z.output<S>[K] | undefined
      : never
    : z.input<S>[K];
};

type Part<K extends string, T> = [T] extends [never]
  ? unknown
  : Record<never, never> extends T
    ? { [P in K]?: T }
    : { [P in K]: T };

/** What a caller passes: `{ params, query, body }` as the endpoint declares them. */
export type EndpointInput<E> = Part<'params', z.input<Schema<E, 'params'>>> &
  Part<'query', Schema<E, 'query'> extends never ? never : QueryInput<Schema<E, 'query'>>> &
  Part<'body', z.input<Schema<E, 'body'>>>;

/** What a caller gets back: the success body as the server serialised it. */
export type EndpointOutput<E> = [ResponseSchema<E>] extends [never] ? void : z.output<ResponseSchema<E>>;

/** On the server: the handler's request parts, parsed. */
export type EndpointParams<E> = [Schema<E, 'params'>] extends [never] ? unknown : z.output<Schema<E, 'params'>>;
export type EndpointQuery<E> = [Schema<E, 'query'>] extends [never] ? unknown : z.output<Schema<E, 'query'>>;
export type EndpointBody<E> = [Schema<E, 'body'>] extends [never] ? unknown : z.output<Schema<E, 'body'>>;
/** On the server: what the handler returns (the schema's input; the serializer checks it). */
export type EndpointReply<E> = [ResponseSchema<E>] extends [never] ? unknown : z.input<ResponseSchema<E>>;

/** The declared success status (200 unless the endpoint says 201, 202 or 204). */
export function successStatus(e: EndpointSpec): SuccessStatus {
  const keys = Object.keys(e.responses ?? {}).map(Number) as SuccessStatus[];
  return keys[0] ?? 200;
}

/** `/api/teachers/:id` with `{ id: 'x' }` → `/api/teachers/x` (each value URI-encoded). */
export function fillPath(path: string, params?: Record<string, unknown>): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const v = params?.[name];
    if (v === undefined || v === null || v === '') throw new Error(`${path}: missing path parameter ${name}`);
    return encodeURIComponent(String(v));
  });
}

/** `?a=1&b=2`, leaving out empty values; arrays repeat the key. */
export function queryString(query?: Record<string, unknown>): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const item of v) params.append(k, String(item));
    else params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** A resource's usual endpoints, each `[summary, schemas…]`: only the ones given are declared. */
export type ResourceSpec = {
  /** `GET <path>`: `[summary, query, page]`. */
  list?: readonly [string, z.ZodType, z.ZodType];
  /** `GET <path>/:id`: `[summary, answer]`. */
  one?: readonly [string, z.ZodType];
  /** `POST <path>` → 201: `[summary, body]` (answer ZCreated) or `[summary, body, answer]`. */
  create?: readonly [string, z.ZodType] | readonly [string, z.ZodType, z.ZodType];
  /** `PUT <path>/:id`: `[summary, body]` (answer ZOk) or `[summary, body, answer]`. */
  update?: readonly [string, z.ZodType] | readonly [string, z.ZodType, z.ZodType];
  /** `DELETE <path>/:id` → ZOk: the summary. */
  remove?: string;
};

type Third<T, D> = T extends readonly [unknown, unknown, infer R] ? R : D;
type ById<P extends string> = `${P}/:id`;
type Base<M extends HttpMethod, P extends string> = { method: M; path: P; summary: string; policy: RoutePolicy };

/** What `resourceEndpoints` declares for a spec (the keys it was given). */
export type ResourceEndpoints<P extends `/api/${string}`, S extends ResourceSpec> = {
  [K in keyof S & keyof ResourceSpec]: K extends 'list'
    ? Base<'GET', P> & { query: S[K] extends readonly [string, infer Q, unknown] ? Q : never } & {
        responses: { 200: S[K] extends readonly [string, unknown, infer R] ? R : never };
      }
    : K extends 'one'
      ? Base<'GET', ById<P>> & { params: typeof ZIdParams } & {
          responses: { 200: S[K] extends readonly [string, infer R] ? R : never };
        }
      : K extends 'create'
        ? Base<'POST', P> & { body: S[K] extends readonly [string, infer B, ...unknown[]] ? B : never } & {
            responses: { 201: Third<S[K], typeof ZCreated> };
          }
        : K extends 'update'
          ? Base<'PUT', ById<P>> & { params: typeof ZIdParams } & {
              body: S[K] extends readonly [string, infer B, ...unknown[]] ? B : never;
            } & { responses: { 200: Third<S[K], typeof ZOk> } }
          : Base<'DELETE', ById<P>> & { params: typeof ZIdParams } & { responses: { 200: typeof ZOk } };
};

/**
 * The usual list / one / create / update / remove of a resource at `path` (`:id` for one item),
 * readers' policy on the reads and keepers' on the writes; spread into `defineEndpoints`.
 */
export function resourceEndpoints<const P extends `/api/${string}`, const S extends ResourceSpec>(
  path: P,
  policy: { read?: RoutePolicy; write?: RoutePolicy },
  spec: S,
): ResourceEndpoints<P, S> {
  const byId = `${path}/:id` as `/api/${string}`;
  const read = policy.read ?? policy.write;
  const write = policy.write ?? policy.read;
  if (!read || !write) throw new Error(`${path}: no policy`);
  const out: Record<string, EndpointSpec> = {};
  for (const key of Object.keys(spec) as (keyof ResourceSpec)[]) {
    if (key === 'list' && spec.list) {
      const [summary, query, page] = spec.list;
      out.list = { method: 'GET', path, summary, policy: read, query, responses: { 200: page } };
    } else if (key === 'one' && spec.one) {
      const [summary, answer] = spec.one;
      out.one = { method: 'GET', path: byId, summary, policy: read, params: ZIdParams, responses: { 200: answer } };
    } else if (key === 'create' && spec.create) {
      const [summary, body, answer = ZCreated] = spec.create;
      out.create = { method: 'POST', path, summary, policy: write, body, responses: { 201: answer } };
    } else if (key === 'update' && spec.update) {
      const [summary, body, answer = ZOk] = spec.update;
      out.update = {
        method: 'PUT',
        path: byId,
        summary,
        policy: write,
        params: ZIdParams,
        body,
        responses: { 200: answer },
      };
    } else if (key === 'remove' && spec.remove) {
      out.remove = {
        method: 'DELETE',
        path: byId,
        summary: spec.remove,
        policy: write,
        params: ZIdParams,
        responses: { 200: ZOk },
      };
    }
  }
  return out as ResourceEndpoints<P, S>;
}

/**
 * A county's (or node's) rules: `rules` reads them at `path` (its params naming the node), `setRules`
 * replaces them there; `[summary, answer]` and `[summary, body, answer]`.
 */
export function rulesEndpoints<
  const P extends `/api/${string}`,
  const Q extends z.ZodType,
  const R extends z.ZodType,
  const B extends z.ZodType,
  const A extends z.ZodType,
>(
  path: P,
  params: Q,
  policy: { read: RoutePolicy; write: RoutePolicy },
  read: readonly [string, R],
  write: readonly [string, B, A],
) {
  return {
    rules: { method: 'GET', path, summary: read[0], policy: policy.read, params, responses: { 200: read[1] } },
    setRules: {
      method: 'PUT',
      path,
      summary: write[0],
      policy: policy.write,
      params,
      body: write[1],
      responses: { 200: write[2] },
    },
  } as const satisfies Record<string, EndpointSpec>;
}
