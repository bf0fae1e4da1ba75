import { expect } from 'vitest';
import type { Matrix, MatrixCtx } from './context';

/**
 * The resident's own pages refuse every staff session (401: a staff account is not a
 * resident); that one resident never sees another's data is tested in portal.test.ts.
 */
const refusesStaff = (method: string, url: string) => async (x: MatrixCtx) => {
  const r = await x.c.req(method, url.replace(':activityId', crypto.randomUUID()));
  expect(r.statusCode, r.body).toBe(401);
};

export const PORTAL_MATRIX: Matrix = {
  'GET /api/me/activities': refusesStaff('GET', '/api/me/activities'),
  'POST /api/me/activities/:activityId/register': refusesStaff('POST', '/api/me/activities/:activityId/register'),
  'POST /api/me/activities/:activityId/cancel': refusesStaff('POST', '/api/me/activities/:activityId/cancel'),
  'GET /api/me/sign-ins': refusesStaff('GET', '/api/me/sign-ins'),
};
