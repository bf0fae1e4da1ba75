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
import type { Matrix, MatrixEntry } from './matrix/context';
import { ORG_MATRIX } from './matrix/org.matrix';
import { PEOPLE_MATRIX } from './matrix/people.matrix';
import { SIGNIN_MATRIX } from './matrix/signin.matrix';
import { PORTAL_MATRIX } from './matrix/portal.matrix';
import { SYSTEM_MATRIX } from './matrix/system.matrix';
import { TEACHERS_MATRIX } from './matrix/teachers.matrix';
import { INDICATORS_MATRIX } from './matrix/indicators.matrix';
import { WORKBENCH_MATRIX } from './matrix/workbench.matrix';
import { REPORTS_MATRIX } from './matrix/reports.matrix';
import { SURVEYS_MATRIX } from './matrix/surveys.matrix';
import { FUNDING_MATRIX } from './matrix/funding.matrix';
import { AWARDS_MATRIX } from './matrix/awards.matrix';
import { routeOf, signIn, startTestServer, type Client, type TestServer } from './server';

/**
 * Deny by default, checked two ways:
 * 1. every route the app serves declares a policy and has a row in a matrix file
 *    (test/matrix/<module>.matrix.ts — a new module adds its own file and one line here);
 * 2. for every role held in county A and every route (one test case each), nothing from outside
 *    the holder's subtree: every request reaches a real route, a refusal has its exact status
 *    (403 from the policy, the service's hidden 404), a list holds exactly the rows the role
 *    should see (computed by SQL from the tree), and a refused write is read back unchanged.
 */
const MATRIX: Matrix = {
  ...SYSTEM_MATRIX,
  ...ORG_MATRIX,
  ...ACCOUNTS_MATRIX,
  ...AUDIT_MATRIX,
  ...TEACHERS_MATRIX,
  ...PEOPLE_MATRIX,
  ...IMPORTS_MATRIX,
  ...FILES_MATRIX,
  ...COURSES_MATRIX,
  ...SIGNIN_MATRIX,
  ...PORTAL_MATRIX,
  ...ACTIVITIES_MATRIX,
  ...PLANS_MATRIX,
  ...CREDITS_MATRIX,
  ...INDICATORS_MATRIX,
  ...WORKBENCH_MATRIX,
  ...REPORTS_MATRIX,
  ...SURVEYS_MATRIX,
  ...FUNDING_MATRIX,
  ...AWARDS_MATRIX,
};

const ROLES: Role[] = [
  'county_admin',
  'town_admin',
  'centre_manager',
  'dept_coordinator',
  'teacher',
  'inspector',
  'leader',
];
const CHECKS = Object.entries(MATRIX).filter(
  (e): e is [string, Exclude<MatrixEntry, string>] => typeof e[1] !== 'string',
);

let s: TestServer;
let w: World;
const clients = {} as Record<Role, Client>;

beforeAll(async () => {
  const t0 = Date.now();
  s = await startTestServer();
  w = await buildWorld(s.database);
  // Some activity in county B, so lists and the audit trail have foreign rows to leak.
  const bAdmin = await signIn(s.app, 'b_county_admin', TEST_PASSWORD);
  expect(
    (await bAdmin.req('PUT', `/api/org/nodes/${w.nodes.B1.id}/populations/2026`, { population: 1234 })).statusCode,
  ).toBe(200);
  expect(
    (
      await bAdmin.req('POST', '/api/org/nodes', {
        parentId: w.nodes.B1.id,
        level: 'unit',
        unitKind: 'school',
        name: 'B镇1学校',
      })
    ).statusCode,
  ).toBe(201);
  for (const role of ROLES) {
    const c = await signIn(s.app, w.users[`A:${role}`].username, TEST_PASSWORD);
    clients[role] = Object.assign(c, { role, strictRoutes: true });
  }
  console.log(
    `access matrix: ${CHECKS.length} routes × ${ROLES.length} roles = ${CHECKS.length * ROLES.length} cases (world built in ${Date.now() - t0} ms)`,
  );
});
afterAll(() => s.close());

describe('route table', () => {
  it('every API route declares a policy and has a row in the cross-tree matrix; every row names a served route', () => {
    const missingPolicy: string[] = [];
    const missingMatrix: string[] = [];
    for (const r of s.app.routeTable) {
      if (!r.policy) missingPolicy.push(`${r.method} ${r.url}`);
      if (!(`${r.method} ${r.url}` in MATRIX)) missingMatrix.push(`${r.method} ${r.url}`);
    }
    expect(missingPolicy).toEqual([]);
    expect(missingMatrix).toEqual([]);
    const served = new Map(s.app.routeTable.map((r) => [`${r.method} ${r.url}`, r.policy]));
    expect(
      Object.keys(MATRIX).filter((k) => !served.has(k)),
      'rows for routes the app does not serve',
    ).toEqual([]);
    // 'public' and 'self' rows are not run, so they must be what they claim (a public route may also read an optional resident).
    for (const [key, entry] of Object.entries(MATRIX)) {
      if (entry === 'public') expect(served.get(key), key).toMatchObject({ public: true });
      if (entry === 'self') expect(served.get(key), key).toMatchObject({ authenticated: true });
    }
    expect(s.app.routeTable.length).toBeGreaterThan(20);
  });

  it('a route registered without a policy makes the app refuse to start', async () => {
    const { default: Fastify } = await import('fastify');
    const { registerGuard } = await import('../src/server/auth/guard');
    const app = Fastify();
    registerGuard(app);
    expect(() => app.get('/api/oops', async () => 'x')).toThrow(/declares no policy/);
  });

  it('the matrix client refuses a URL no route serves, and names the route of one that exists', async () => {
    const c = clients.county_admin;
    await expect(c.req('GET', `/api/residentz/${w.nodes.B.id}`)).rejects.toThrow(/no API route matches/);
    expect(routeOf(s.app, 'GET', `/api/residents/${w.nodes.B.id}?x=1`)?.url).toBe('/api/residents/:id');
    expect(routeOf(s.app, 'GET', '/api/residents/stats')?.url).toBe('/api/residents/stats');
    expect(routeOf(s.app, 'DELETE', '/api/residents/stats/x')).toBeNull();
  });
});

/**
 * One case per role × route. Each case: the requests of the row all reach a registered route
 * (the client throws otherwise), the row's own route among them, refusals have their exact
 * status, lists hold exactly the rows the role should see, refused writes changed nothing.
 */
describe.each(ROLES)('cross-tree matrix: %s of county A', (role) => {
  it.each(CHECKS)('%s', async (key, check) => {
    const u = w.users[`A:${role}`];
    const c = clients[role];
    c.hits.length = 0;
    await check({ c, role, home: u.home, userId: u.id, s, w });
    expect(
      c.hits.map((h) => h.route),
      `the row never called ${key}`,
    ).toContain(key);
  });
});
