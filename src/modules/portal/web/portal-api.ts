import type { Endpoint, EndpointInput, EndpointOutput } from '../../../shared/endpoint';
import { toApiError, ApiError } from '../../../web/api/api-error';
import { urlOf } from '../../../web/api/client';

/**
 * The resident pages' own requests, on the endpoints their contracts declare: the resident
 * session's CSRF token (not the staff one), and failures are not broadcast to the staff
 * sign-in layer. (`call()` cannot do either yet: it sends the staff token and tells the staff
 * auth layer of every 401.)
 */
let residentCsrf: string | null = null;
export const setResidentCsrf = (token: string | null) => {
  residentCsrf = token;
};

export async function meCall<E extends Endpoint>(e: E, input?: EndpointInput<E>): Promise<EndpointOutput<E>> {
  const write = e.method !== 'GET';
  let res: Response;
  try {
    res = await fetch(urlOf(e, input), {
      method: e.method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(write
          ? { 'content-type': 'application/json', ...(residentCsrf ? { 'x-csrf-token': residentCsrf } : {}) }
          : {}),
      },
      body: write ? JSON.stringify((input as { body?: unknown } | undefined)?.body ?? {}) : undefined,
    });
  } catch {
    throw new ApiError(0, {
      code: 'NETWORK',
      message: '网络连接失败，请检查网络后重试',
      messageEn: 'Network error; check your connection and try again',
    });
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) throw toApiError(res.status, data);
  return data as EndpointOutput<E>;
}
