import { expect } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { surveyAnswers, surveyRespondents, surveyRules, surveys } from '../../src/modules/surveys/surveys.table';
import { chinaToday } from '../../src/shared/china-time';
import type { World } from '../factories';
import type { TestServer } from '../server';
import { buildResidentWithPhone } from '../signin-factories';
import {
  admits,
  expectDenied,
  expectOk,
  expectSameIds,
  ownPath,
  sqlIds,
  under,
  type Matrix,
  type MatrixCtx,
} from './context';

type Fixture = { key: string; path: string; surveyId: string };

const fixtures = new WeakMap<TestServer, Promise<Fixture[]>>();
const QUESTIONS = [
  {
    id: 'q1',
    type: 'single' as const,
    title: '满意吗',
    required: true,
    options: [
      { id: 'y', label: '满意' },
      { id: 'n', label: '不满意' },
    ],
    rows: [],
    showIf: null,
    feeds: { rate: 'satisfaction' as const, yes: ['y'] },
  },
];

/**
 * A published rate survey at county A (answered by residents of A1a and A2a), at each town and
 * centre outside town A1 and in county B (each answered by one resident living there), and at
 * town A1 and centre A1b: made once per test server.
 */
function surveyFixtures(s: TestServer, w: World): Promise<Fixture[]> {
  let p = fixtures.get(s);
  if (!p) {
    p = (async () => {
      const today = chinaToday();
      const out: Fixture[] = [];
      for (const key of ['A', 'A1', 'A1b', 'A2', 'A2a', 'B1', 'B1a']) {
        const node = w.nodes[key];
        const [row] = await s.database.db
          .insert(surveys)
          .values({
            ownerNodeId: node.id,
            kind: 'rates',
            title: `矩阵问卷${key}`,
            opensOn: today,
            closesOn: '2099-12-31',
            status: 'published',
            anonymous: key !== 'A',
            questions: QUESTIONS,
          })
          .returning({ id: surveys.id });
        const homes = key === 'A' ? ['A1a', 'A2a'] : [key.length === 3 ? key : `${key}a`];
        for (const h of homes) {
          const rid = await buildResidentWithPhone(s.database, w.nodes[h], {
            name: `矩阵居民${h}`,
            phone: '13900007777',
          });
          await s.database.db
            .insert(surveyRespondents)
            .values({ surveyId: row.id, residentId: rid, answeredOn: today, method: 'paper' });
          await s.database.db.insert(surveyAnswers).values({
            surveyId: row.id,
            anonymous: key !== 'A',
            residentId: key === 'A' ? rid : null,
            nodeId: w.nodes[h].id,
            answeredOn: today,
            answers: { q1: 'y' },
          });
        }
        out.push({ key, path: node.path, surveyId: row.id });
      }
      return out;
    })();
    fixtures.set(s, p);
  }
  return p;
}

/** Surveys the actor may not read: their node neither under nor above the actor's home. */
async function hidden(x: Pick<MatrixCtx, 's' | 'w' | 'home'>) {
  const home = ownPath(x);
  return (await surveyFixtures(x.s, x.w)).filter((f) => !f.path.startsWith(home) && !home.startsWith(f.path));
}
/** Surveys above the actor's home: read (they reach the actor's residents), not written. */
async function above(x: Pick<MatrixCtx, 's' | 'w' | 'home'>) {
  const home = ownPath(x);
  return (await surveyFixtures(x.s, x.w)).filter((f) => home.startsWith(f.path) && f.path !== home);
}

async function statusOf(s: TestServer, ids: string[]) {
  const rows = await s.database.db
    .select({ id: surveys.id, status: surveys.status, title: surveys.title })
    .from(surveys)
    .where(inArray(surveys.id, ids));
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}

/** A write on every survey outside the actor's keeping: 404 where hidden, 403 above; nothing changed. */
const refusedWrite = (method: string, url: (id: string) => string, body?: unknown) => async (x: MatrixCtx) => {
  const hide = await hidden(x);
  const up = await above(x);
  const ids = [...hide, ...up].map((f) => f.surveyId);
  const before = await statusOf(x.s, ids);
  for (const f of hide) await expectDenied(x.c.req(method, url(f.surveyId), body));
  for (const f of up)
    await expectDenied(
      x.c.req(method, url(f.surveyId), body),
      admits(x, `${method} ${routeOf(url)}`) ? 403 : undefined,
    );
  expect(await statusOf(x.s, ids)).toEqual(before);
};
const routeOf = (url: (id: string) => string) => url(':id');

const answerCount = async (s: TestServer, ids: string[]) =>
  (await s.database.db.select().from(surveyRespondents).where(inArray(surveyRespondents.surveyId, ids))).length;

/** Surveys (问卷): staff routes scoped by the tree; the phone's form is public; the resident's list refuses staff. */
export const SURVEYS_MATRIX: Matrix = {
  'GET /api/survey-owners': async (x) => {
    const r = await x.c.req('GET', '/api/survey-owners');
    if (!admits(x, 'GET /api/survey-owners')) return expectDenied(r);
    const { items } = await expectOk(Promise.resolve(r));
    const want = await sqlIds(
      x,
      `select id from org_nodes where level in ('county','town','centre') and path like $1`,
      [under(x)],
    );
    expectSameIds(
      items.map((i: { id: string }) => i.id),
      want,
      'owners',
    );
  },
  'GET /api/surveys': async (x) => {
    await surveyFixtures(x.s, x.w);
    const r = await x.c.req('GET', '/api/surveys?pageSize=200');
    if (!admits(x, 'GET /api/surveys')) return expectDenied(r);
    const page = await expectOk(Promise.resolve(r));
    const want = await sqlIds(
      x,
      `select s.id from surveys s join org_nodes n on n.id = s.owner_node_id where n.path like $1 or $2 like n.path || '%'`,
      [under(x), ownPath(x)],
    );
    expectSameIds(
      page.items.map((i: { id: string }) => i.id),
      want,
      'surveys',
    );
    // Each survey counts only the responses of residents in the reader's reach.
    for (const item of page.items as { id: string; responses: number }[]) {
      const [{ n }] = await x.s.database.query<{ n: number }>(
        `select count(*)::int as n from survey_answers a join org_nodes n on n.id = a.node_id where a.survey_id = $1 and n.path like $2`,
        [item.id, under(x)],
      );
      expect(item.responses, item.id).toBe(n);
    }
    await expectDenied(x.c.req('GET', `/api/surveys?nodeId=${x.w.nodes.B1.id}`));
  },
  'GET /api/surveys/:id': async (x) => {
    for (const f of await hidden(x)) await expectDenied(x.c.req('GET', `/api/surveys/${f.surveyId}`));
  },
  'POST /api/surveys': async (x) => {
    const home = ownPath(x);
    const foreign = ['A', 'A2', 'A2a', 'A1b', 'B1'].filter((k) => !x.w.nodes[k].path.startsWith(home));
    for (const k of foreign) {
      const readable = home.startsWith(x.w.nodes[k].path);
      await expectDenied(
        x.c.req('POST', '/api/surveys', {
          ownerNodeId: x.w.nodes[k].id,
          title: '越权问卷',
          kind: 'needs',
          opensOn: '2026-01-01',
          closesOn: '2026-02-01',
          questions: [{ id: 'q', type: 'text', title: '说点什么' }],
        }),
        readable && admits(x, 'POST /api/surveys') ? 403 : undefined,
      );
    }
    expect((await x.s.database.db.select().from(surveys).where(eq(surveys.title, '越权问卷'))).length).toBe(0);
  },
  'PUT /api/surveys/:id': refusedWrite('PUT', (id) => `/api/surveys/${id}`, {
    title: '越权改名',
    kind: 'needs',
    opensOn: '2026-01-01',
    closesOn: '2026-02-01',
    questions: [{ id: 'q', type: 'text', title: '说点什么' }],
  }),
  'POST /api/surveys/:id/publish': refusedWrite('POST', (id) => `/api/surveys/${id}/publish`),
  'POST /api/surveys/:id/close': refusedWrite('POST', (id) => `/api/surveys/${id}/close`),
  'GET /api/surveys/:id/results': async (x) => {
    for (const f of await hidden(x)) await expectDenied(x.c.req('GET', `/api/surveys/${f.surveyId}/results`));
    const county = (await surveyFixtures(x.s, x.w)).find((f) => f.key === 'A')!;
    const r = await x.c.req('GET', `/api/surveys/${county.surveyId}/results`);
    if (!admits(x, 'GET /api/surveys/:id/results')) return expectDenied(r);
    // Only the answers of residents in reach: A1a's for a town or centre of A1, both for the county.
    const got = await expectOk(Promise.resolve(r));
    const [{ n }] = await x.s.database.query<{ n: number }>(
      `select count(*)::int as n from survey_answers a join org_nodes n on n.id = a.node_id where a.survey_id = $1 and n.path like $2`,
      [county.surveyId, under(x)],
    );
    expect(got.respondents).toBe(n);
    await expectDenied(x.c.req('GET', `/api/surveys/${county.surveyId}/results?nodeId=${x.w.nodes.B1.id}`));
  },
  'GET /api/surveys/:id/results.xlsx': async (x) => {
    for (const f of await hidden(x)) await expectDenied(x.c.req('GET', `/api/surveys/${f.surveyId}/results.xlsx`));
    const county = (await surveyFixtures(x.s, x.w)).find((f) => f.key === 'A')!;
    const r = await x.c.req('GET', `/api/surveys/${county.surveyId}/results.xlsx?nodeId=${x.w.nodes.A2.id}`);
    const seesA2 = x.home === 'A';
    if (!admits(x, 'GET /api/surveys/:id/results.xlsx') || !seesA2) return expectDenied(r);
    expect(r.statusCode).toBe(200);
  },
  'GET /api/surveys/:id/roster': async (x) => {
    for (const f of await hidden(x))
      await expectDenied(x.c.req('GET', `/api/surveys/${f.surveyId}/roster?q=${encodeURIComponent('矩阵居民')}`));
    const county = (await surveyFixtures(x.s, x.w)).find((f) => f.key === 'A')!;
    const r = await x.c.req('GET', `/api/surveys/${county.surveyId}/roster?q=${encodeURIComponent('矩阵居民')}`);
    if (!admits(x, 'GET /api/surveys/:id/roster')) return expectDenied(r);
    const { items } = await expectOk(Promise.resolve(r));
    const want = await sqlIds(
      x,
      `select r.id from residents r join org_nodes n on n.id = r.node_id where r.name like '矩阵居民%' and n.path like $1 and n.path like $2`,
      [under(x), `/${x.w.nodes.A.id}/%`],
    );
    expectSameIds(
      items.map((i: { id: string }) => i.id),
      want,
      'roster',
    );
  },
  'POST /api/surveys/:id/paper': async (x) => {
    const hide = await hidden(x);
    const before = await answerCount(
      x.s,
      hide.map((f) => f.surveyId),
    );
    const [rid] = await sqlIds(x, `select id from residents where name = '矩阵居民B1a'`);
    for (const f of hide)
      await expectDenied(
        x.c.req('POST', `/api/surveys/${f.surveyId}/paper`, { residentId: rid, answers: { q1: 'n' } }),
      );
    expect(
      await answerCount(
        x.s,
        hide.map((f) => f.surveyId),
      ),
    ).toBe(before);
  },
  'GET /api/surveys/:id/poster': async (x) => {
    for (const f of await hidden(x)) await expectDenied(x.c.req('GET', `/api/surveys/${f.surveyId}/poster`));
  },
  'GET /api/survey-rules/:countyId': async (x) => {
    await expectDenied(x.c.req('GET', `/api/survey-rules/${x.w.nodes.B.id}`));
    const r = await x.c.req('GET', `/api/survey-rules/${x.w.nodes.A.id}`);
    if (!admits(x, 'GET /api/survey-rules/:countyId')) return expectDenied(r);
    expect((await expectOk(Promise.resolve(r))).minSample).toBeGreaterThan(0);
  },
  'PUT /api/survey-rules/:countyId': async (x) => {
    await expectDenied(x.c.req('PUT', `/api/survey-rules/${x.w.nodes.B.id}`, { minSample: 1 }));
    if (x.role !== 'county_admin')
      await expectDenied(x.c.req('PUT', `/api/survey-rules/${x.w.nodes.A.id}`, { minSample: 1 }));
    expect(await x.s.database.db.select().from(surveyRules).where(eq(surveyRules.minSample, 1))).toEqual([]);
  },
  'GET /api/survey-form/:id': 'public',
  'POST /api/survey-form/:id': 'public',
  'GET /api/resident/surveys': async (x) => {
    await expectDenied(x.c.req('GET', '/api/resident/surveys'), 401);
  },
};
