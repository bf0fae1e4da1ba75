import { expect } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { courseRules } from '../../src/modules/courses/course-rules.table';
import { courseFiles, courses } from '../../src/modules/courses/courses.table';
import { themeDefs } from '../../src/modules/themes/themes.table';
import { storedFiles } from '../../src/modules/files/files.table';
import type { World } from '../factories';
import { courseBody } from '../course-factories';
import type { TestResponse, TestServer } from '../server';
import {
  expectDenied,
  expectOk,
  expectSameIds,
  foreignNodes,
  ownPath,
  sqlIds,
  under,
  type Matrix,
  type MatrixCtx,
} from './context';

type Fixture = { key: string; courseId: string; fileId: string; status: string };

const fixtures = new WeakMap<TestServer, Promise<Fixture[]>>();

/**
 * Courses in county B (submitted) and in the sibling town A2 (approved: readable across A2,
 * not from A1), each with a material; made once per test server, directly in the database.
 */
function foreignCourses(s: TestServer, w: World): Promise<Fixture[]> {
  let p = fixtures.get(s);
  if (!p) {
    p = (async () => {
      const out: Fixture[] = [];
      for (const [key, town, status] of [
        ['B1u', 'B1', 'submitted'],
        ['A2u', 'A2', 'approved'],
        ['B1a', 'B1', 'approved'],
      ] as const) {
        const node = w.nodes[key];
        const [file] = await s.database.db
          .insert(storedFiles)
          .values({
            nodeId: node.id,
            purpose: 'course_material',
            originalName: `矩阵${key}.pdf`,
            mime: 'application/pdf',
            size: 1,
            sha256: '0'.repeat(64),
            storageKey: `00/${crypto.randomUUID().replace(/-/g, '')}`,
          })
          .returning({ id: storedFiles.id });
        const [c] = await s.database.db
          .insert(courses)
          .values({
            countyId: w.nodes[town[0]].id,
            townId: w.nodes[town].id,
            nodeId: node.id,
            title: `矩阵课程${key}`,
            theme: 'law',
            form: 'lecture',
            hours: '2',
            status,
            firstSessionDate: '2099-01-01',
          })
          .returning({ id: courses.id });
        await s.database.db.insert(courseFiles).values({ courseId: c.id, fileId: file.id });
        out.push({ key, courseId: c.id, fileId: file.id, status });
      }
      return out;
    })();
    fixtures.set(s, p);
  }
  return p;
}

/** The fixtures outside the actor's home subtree (none of them is in the actor's town). */
async function foreign(x: Pick<MatrixCtx, 's' | 'w' | 'home'>): Promise<Fixture[]> {
  const keys = new Set(foreignNodes(x).map((n) => n.key));
  return (await foreignCourses(x.s, x.w)).filter((f) => keys.has(f.key) && !(x.home === 'A' && f.key.startsWith('A')));
}

async function courseState(s: TestServer, ids: string[]) {
  return s.database.db
    .select({ id: courses.id, title: courses.title, status: courses.status, featured: courses.featured })
    .from(courses)
    .where(inArray(courses.id, ids))
    .orderBy(courses.id);
}

/** Asserts that every foreign course is refused by `call` and left as it was. */
async function refusedAndUnchanged(x: MatrixCtx, call: (f: Fixture) => Promise<TestResponse>): Promise<void> {
  const fs = await foreign(x);
  const before = await courseState(
    x.s,
    fs.map((f) => f.courseId),
  );
  for (const f of fs) await expectDenied(call(f));
  expect(
    await courseState(
      x.s,
      fs.map((f) => f.courseId),
    ),
  ).toEqual(before);
}

const ruleTargets = (x: MatrixCtx) => foreignNodes(x).filter((n) => ['A2', 'B', 'B1'].includes(n.key));

/** Themes, course rules, courses and their review. */
export const COURSES_MATRIX: Matrix = {
  'GET /api/themes': async (x) => {
    const r = await x.c.req('GET', '/api/themes');
    expect(r.statusCode).toBe(200);
    expect(r.json().countyId).toBe(x.w.nodes.A.id);
    await expectDenied(x.c.req('GET', `/api/themes?countyId=${x.w.nodes.B.id}`));
  },
  'PUT /api/themes/:countyId': async (x) => {
    const themes = [{ key: 'law', nameZh: '越权', nameEn: 'x', active: true, leadUnitIds: [] }];
    await expectDenied(x.c.req('PUT', `/api/themes/${x.w.nodes.B.id}`, { themes }));
    expect(await x.s.database.db.select().from(themeDefs).where(eq(themeDefs.countyId, x.w.nodes.B.id))).toEqual([]);
  },
  'GET /api/course-rules/:nodeId': async (x) => {
    for (const n of ruleTargets(x)) await expectDenied(x.c.req('GET', `/api/course-rules/${n.id}`));
  },
  'PUT /api/course-rules/:nodeId': async (x) => {
    for (const n of ruleTargets(x)) {
      await expectDenied(
        x.c.req('PUT', `/api/course-rules/${n.id}`, n.key === 'B' ? { reviewLeadDays: 1 } : { featuredPerCentre: 9 }),
      );
      expect(await x.s.database.db.select().from(courseRules).where(eq(courseRules.nodeId, n.id))).toEqual([]);
    }
  },
  'GET /api/courses': async (x) => {
    await foreign(x);
    // Readable: courses of the own subtree, and approved courses reviewed by a town or county above it.
    const readable = `from courses c join org_nodes n on n.id = c.node_id join org_nodes rn on rn.id = coalesce(c.town_id, c.county_id)
      where (n.path like $1 or (c.status = 'approved' and $2 like rn.path || '%'))`;
    const reviewer = ['county_admin', 'town_admin'].includes(x.role);
    const cases: [string, string][] = [
      ['', ''],
      ['?status=approved', ` and c.status = 'approved'`],
      ['?status=submitted', ` and c.status = 'submitted'`],
      [
        '?toReview=true',
        reviewer
          ? ` and c.status = 'submitted' and rn.path like $1 and c.created_by is distinct from $3 and c.submitted_by is distinct from $3`
          : ' and false',
      ],
      [`?townId=${x.w.nodes.B1.id}`, ` and c.town_id = '${x.w.nodes.B1.id}'`],
    ];
    for (const [q, cond] of cases) {
      const page = await expectOk(x.c.req('GET', `/api/courses${q}${q ? '&' : '?'}pageSize=200`));
      const want = await sqlIds(
        x,
        `select c.id ${readable}${cond}`,
        [under(x), ownPath(x), x.userId].slice(0, cond.includes('$3') ? 3 : 2),
      );
      expectSameIds(
        page.items.map((c: { id: string }) => c.id),
        want,
        `courses${q}`,
      );
    }
  },
  'GET /api/courses/:id': async (x) => {
    for (const f of await foreign(x)) await expectDenied(x.c.req('GET', `/api/courses/${f.courseId}`));
  },
  'GET /api/courses/:id/materials/:fileId': async (x) => {
    for (const f of await foreign(x))
      await expectDenied(x.c.req('GET', `/api/courses/${f.courseId}/materials/${f.fileId}`));
  },
  'POST /api/courses': async (x) => {
    for (const n of foreignNodes(x).filter((k) => ['A2u', 'A2', 'B1u', 'B1a', 'B'].includes(k.key))) {
      await expectDenied(x.c.req('POST', '/api/courses', courseBody(n.id, { title: '越权课程' })));
    }
    expect(await x.s.database.db.select().from(courses).where(eq(courses.title, '越权课程'))).toEqual([]);
  },
  'PUT /api/courses/:id': (x) =>
    refusedAndUnchanged(x, (f) =>
      x.c.req('PUT', `/api/courses/${f.courseId}`, { ...courseBody(f.key), nodeId: undefined, title: '被改名' }),
    ),
  'DELETE /api/courses/:id': (x) => refusedAndUnchanged(x, (f) => x.c.req('DELETE', `/api/courses/${f.courseId}`)),
  'POST /api/courses/:id/submit': (x) =>
    refusedAndUnchanged(x, (f) => x.c.req('POST', `/api/courses/${f.courseId}/submit`)),
  'POST /api/courses/:id/review': (x) =>
    refusedAndUnchanged(x, (f) =>
      x.c.req('POST', `/api/courses/${f.courseId}/review`, { decision: 'return', comment: '越权' }),
    ),
  'POST /api/courses/:id/featured': (x) =>
    refusedAndUnchanged(x, (f) =>
      x.c.req('POST', `/api/courses/${f.courseId}/featured`, { centreId: x.w.nodes.A1a.id }),
    ),
};
