import {
  fillPath,
  queryString,
  type Endpoint,
  type EndpointInput,
  type EndpointOutput,
  type HttpMethod,
} from '../../shared/endpoint';
import { ApiError, toApiError } from './api-error';

let csrfToken: string | null = null;
let lastRequestAt = Date.now();
const listeners = new Set<(err: ApiError) => void>();

/** The token from /api/auth/me; sent back on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** When the app last talked to the server: the session's idle clock restarts then. */
export function lastServerContact(): number {
  return lastRequestAt;
}

/** Hears every failed request (the auth layer signs out on 401, asks for a new password on 403). */
export function onApiError(listener: (err: ApiError) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type CallOptions = {
  /** Do not tell the staff sign-in layer of a failure (the phone pages, a probe for the session). */
  silent?: boolean;
  /** Headers of this request only (the sign-in page's grace ticket). */
  headers?: Record<string, string>;
  /** The CSRF token to send instead of the staff session's (the resident's phone session). */
  csrf?: string | null;
};

/** One request to the API: same-origin cookie, JSON both ways, CSRF header, typed errors. */
export async function request<T>(method: HttpMethod, path: string, body?: unknown, opts: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const form = body instanceof FormData;
  if (method !== 'GET') {
    if (!form) headers['content-type'] = 'application/json';
    const token = opts.csrf !== undefined ? opts.csrf : csrfToken;
    if (token) headers['x-csrf-token'] = token;
  }
  Object.assign(headers, opts.headers);
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: method === 'GET' ? undefined : form ? body : JSON.stringify(body ?? {}),
    });
  } catch {
    throw new ApiError(0, {
      code: 'NETWORK',
      message: '网络连接失败，请检查网络后重试',
      messageEn: 'Network error; check your connection and try again',
    });
  }
  lastRequestAt = Date.now();
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const err = toApiError(res.status, data, res.headers);
    if (!opts.silent) for (const l of listeners) l(err);
    throw err;
  }
  return data as T;
}

/** The URL of an endpoint with its path parameters and query filled in (downloads, printed pages, links). */
export function urlOf<E extends Endpoint>(e: E, input?: EndpointInput<E>): string {
  const parts = (input ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown> };
  return fillPath(e.path, parts.params) + queryString(parts.query);
}

/**
 * Calls an endpoint declared in a module's contract: `call(teachersApi.one, { params: { id } })`.
 * The path, method, input and answer types all come from the declaration.
 */
export async function call<E extends Endpoint>(
  e: E,
  ...[input, opts]: Record<never, never> extends EndpointInput<E>
    ? [input?: EndpointInput<E>, opts?: CallOptions]
    : [input: EndpointInput<E>, opts?: CallOptions]
): Promise<EndpointOutput<E>> {
  const body = (input as { body?: unknown } | undefined)?.body;
  return request<EndpointOutput<E>>(e.method, urlOf(e, input), body, opts);
}

/**
 * Sends one file (multipart field `file`) to an endpoint that takes one, e.g.
 * `upload(filesApi.upload, { query: { nodeId, purpose, accept } }, file)`; errors as for `call`.
 */
export async function upload<E extends Endpoint>(
  e: E,
  input: EndpointInput<E>,
  file: Blob,
  opts?: CallOptions,
): Promise<EndpointOutput<E>> {
  const body = new FormData();
  body.append('file', file);
  return request<EndpointOutput<E>>(e.method, urlOf(e, input), body, opts);
}

function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/.exec(cd);
  return m ? decodeURIComponent(m[1]) : fallback;
}

/**
 * Fetches a file from the API (same-origin cookie; `url` from urlOf) and saves it under the
 * server's name; a refusal comes back as ApiError, as for `call`.
 */
export async function saveFile(url: string, fallbackName: string): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) {
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      body = null;
    }
    throw toApiError(res.status, body);
  }
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileNameOf(res, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** Downloads a declared file endpoint (`produces`): `download(teachersApi.export, { query: filters }, 'teachers.xlsx')`. */
export function download<E extends Endpoint>(e: E, input: EndpointInput<E>, fallbackName: string): Promise<void> {
  return saveFile(urlOf(e, input), fallbackName);
}
