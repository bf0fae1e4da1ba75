import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/shared/roles';
import { buildWorld, TEST_PASSWORD, type World } from './factories';
import { ACCOUNTS_MATRIX } from './matrix/accounts.matrix';
import { CREDITS_MATRIX } from './matrix/credits.matrix';
import { ACTIVITIES_MATRIX } from './matrix/activities.matrix';
import { PLANS_MATRIX } from './matrix/plans.matrix';
import { AUDIT_MATRIX } from './matrix/audit.matrix';
import { COURSES_MATRIX } from './matrix/courses.matrix';
import { FILES_MATRIX } from './matrix/files.matrix';
import { IMPORTS_MATRIX } from './matrix/imports.matrix';
import type { Matrix } from './matrix/context';
import { ORG_MATRIX } from './matrix/org.matrix';
import { PEOPLE_MATRIX } from './matrix/people.matrix';
import { SIGNIN_MATRIX } from './matrix/signin.matrix';
import { PORTAL_MATRIX } from './matrix/portal.matrix';
import { SYSTEM_MATRIX } from './matrix/system.matrix';
import { TEACHERS_MATRIX } from './matrix/teachers.matrix';
import { signIn, startTestServer, type TestServer } from './server';

/**
 * Deny by default, checked two ways:
 * 1. every route the app serves declares a policy and has a row in a matrix file
 *    (test/matrix/<module>.matrix.ts — a new module adds its own file and one line here);
 * 2. for every role held in county A, every route gives nothing from outside the holder's
 *    subtree: 403/404 for foreign targets, no foreign rows in lists, nothing changed.
 */
const MATRIX: Matrix = { ...SYSTEM_MATRIX, ...ORG_MATRIX, ...ACCOUNTS_MATRIX, ...AUDIT_MATRIX, ...TEACHERS_MATRIX, ...PEOPLE_MATRIX, ...IMPORTS_MATRIX, ...FILES_MATRIX, ...COURSES_MATRIX, ...SIGNIN_MATRIX, ...PORTAL_MATRIX, ...ACTIVITIES_MATRIX, ...PLANS_MATRIX, ...CREDITS_MATRIX };

let s: TestServer;
let w: World;

beforeAll(async () => {
  s = await startTestServer();
  w = await buildWorld(s.database);
  // Some activity in county B, so lists and the audit trail have foreign rows to leak.
  const bAdmin = await signIn(s.app, 'b_county_admin', TEST_PASSWORD);
  await bAdmin.req('PUT', `/api/org/nodes/${w.nodes.B1.id}/populations/2026`, { population: 1234 });
  await bAdmin.req('POST', '/api/org/nodes', { parentId: w.nodes.B1.id, level: 'unit', unitKind: 'school', name: 'B镇1学校' });
});
afterAll(() => s.close());

describe('route table', () => {
  it('every API route declares a policy and has a row in the cross-tree matrix', () => {
    const missingPolicy: string[] = [];
    const missingMatrix: string[] = [];
    for (const r of s.app.routeTable) {
      if (!r.policy) missingPolicy.push(`${r.method} ${r.url}`);
      if (!(`${r.method} ${r.url}` in MATRIX)) missingMatrix.push(`${r.method} ${r.url}`);
    }
    expect(missingPolicy).toEqual([]);
    expect(missingMatrix).toEqual([]);
    expect(s.app.routeTable.length).toBeGreaterThan(20);
  });

  it('a route registered without a policy makes the app refuse to start', async () => {
    const { default: Fastify } = await import('fastify');
    const { registerGuard } = await import('../src/server/auth/guard');
    const app = Fastify();
    registerGuard(app);
    expect(() => app.get('/api/oops', async () => 'x')).toThrow(/declares no policy/);
  });
});

describe('cross-tree matrix: county A actors get nothing from outside their subtree', () => {
  const roles: Role[] = ['county_admin', 'town_admin', 'centre_manager', 'dept_coordinator', 'teacher', 'inspector', 'leader'];
  for (const role of roles) {
    it(role, async () => {
      const u = w.users[`A:${role}`];
      const c = await signIn(s.app, u.username, TEST_PASSWORD);
      for (const [key, check] of Object.entries(MATRIX)) {
        if (typeof check !== 'function') continue;
        try {
          await check({ c, role, home: u.home, userId: u.id, s, w });
        } catch (err) {
          throw new Error(`${role} @ ${u.home} — ${key}: ${(err as Error).message}`);
        }
      }
    });
  }
});
