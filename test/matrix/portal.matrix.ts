import { expect } from 'vitest';
import { foreignActivities } from './activities.matrix';
import { expectDenied, type Matrix, type MatrixCtx } from './context';

/**
 * The resident's own pages refuse every staff session (401: a staff account is not a
 * resident), here aimed at a real activity of county B; that one resident never sees another's
 * data is tested in portal.test.ts.
 */
const refusesStaff = (method: string, url: string) => async (x: MatrixCtx) => {
  const [f] = await foreignActivities(x.s, x.w);
  const read = () =>
    x.s.database.query('select activity_id, resident_id, status from registrations order by activity_id, resident_id');
  const before = await read();
  await expectDenied(x.c.req(method, url.replace(':activityId', f.activityId)), 401);
  expect(await read()).toEqual(before);
};

export const PORTAL_MATRIX: Matrix = {
  'GET /api/me/activities': refusesStaff('GET', '/api/me/activities'),
  'POST /api/me/activities/:activityId/register': refusesStaff('POST', '/api/me/activities/:activityId/register'),
  'POST /api/me/activities/:activityId/cancel': refusesStaff('POST', '/api/me/activities/:activityId/cancel'),
  'GET /api/me/sign-ins': refusesStaff('GET', '/api/me/sign-ins'),
};
