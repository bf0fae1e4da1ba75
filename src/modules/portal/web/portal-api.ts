import type { Endpoint, EndpointInput, EndpointOutput } from '../../../shared/endpoint';
import { call, type CallOptions } from '../../../web/api/client';

/**
 * The resident pages' requests, on the endpoints their contracts declare: the resident
 * session's CSRF token (not the staff one), and failures are not broadcast to the staff
 * sign-in layer.
 */
let residentCsrf: string | null = null;
export const setResidentCsrf = (token: string | null) => {
  residentCsrf = token;
};

export function meCall<E extends Endpoint>(e: E, input?: EndpointInput<E>): Promise<EndpointOutput<E>> {
  return (call as (e: E, input?: EndpointInput<E>, opts?: CallOptions) => Promise<EndpointOutput<E>>)(e, input, {
    silent: true,
    csrf: residentCsrf,
  });
}
