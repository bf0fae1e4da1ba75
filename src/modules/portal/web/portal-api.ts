import { toApiError, ApiError } from '../../../web/api/api-error';

/**
 * The resident pages' own requests: the resident session's CSRF token (not the staff one),
 * and failures are not broadcast to the staff sign-in layer.
 */
let residentCsrf: string | null = null;
export const setResidentCsrf = (token: string | null) => {
  residentCsrf = token;
};

export async function meRequest<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(method === 'POST'
          ? { 'content-type': 'application/json', ...(residentCsrf ? { 'x-csrf-token': residentCsrf } : {}) }
          : {}),
      },
      body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
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
  return data as T;
}
