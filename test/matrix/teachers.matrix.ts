import { expect } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { staffingNorms, teachers, volunteerHours } from '../../src/modules/teachers/teachers.table';
import type { World } from '../factories';
import type { TestServer } from '../server';
import { buildTeacher } from '../teacher-factories';
import { exportRow } from './exports';
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

type Fixture = { key: string; bankPath: string; placePath: string; teacherId: string; hoursId: string };

const fixtures = new WeakMap<TestServer, Promise<Fixture[]>>();

/**
 * One volunteer with pending hours in each of these banks (made once per test server):
 * county B's town and centre, the sibling town A2 and its centre, and the sibling centre A1b.
 */
function foreignBanks(s: TestServer, w: World): Promise<Fixture[]> {
  let p = fixtures.get(s);
  if (!p) {
    p = (async () => {
      const out: Fixture[] = [];
      for (const key of ['B1', 'B1a', 'A2', 'A2a', 'A1b']) {
        const bank = w.nodes[key];
        const place = bank.id === w.nodes[key.slice(0, 2)].id ? w.nodes[`${key}a`] : bank;
        const userId = key === 'B1a' ? w.users['B:teacher'].id : undefined;
        const t = await buildTeacher(s.database, {
          bank,
          name: `矩阵${key}`,
          category: 'volunteer',
          userId,
          phone: '13900009999',
        });
        const [h] = await s.database.db
          .insert(volunteerHours)
          .values({
            teacherId: t.id,
            nodeId: place.id,
            serviceDate: '2026-01-05',
            hours: '2.0',
            description: '矩阵',
            submittedBy: userId ?? null,
          })
          .returning({ id: volunteerHours.id });
        out.push({ key, bankPath: bank.path, placePath: place.path, teacherId: t.id, hoursId: h.id });
      }
      return out;
    })();
    fixtures.set(s, p);
  }
  return p;
}

/** The fixtures this actor may not read: banks neither under nor above their home. */
async function hiddenFrom(x: Pick<MatrixCtx, 's' | 'w' | 'home'>): Promise<Fixture[]> {
  const home = ownPath(x);
  return (await foreignBanks(x.s, x.w)).filter((f) => !f.bankPath.startsWith(home) && !home.startsWith(f.bankPath));
}

/** The fixtures whose bank the actor does not keep (outside their home subtree). */
async function notKept(x: Pick<MatrixCtx, 's' | 'w' | 'home'>): Promise<Fixture[]> {
  const home = ownPath(x);
  return (await foreignBanks(x.s, x.w)).filter((f) => !f.bankPath.startsWith(home));
}

async function teacherRow(s: TestServer, id: string) {
  const [row] = await s.database.db
    .select({ name: teachers.name, status: teachers.status, category: teachers.category })
    .from(teachers)
    .where(eq(teachers.id, id));
  return row;
}

const KEEPERS = ['county_admin', 'town_admin', 'centre_manager'];
const body = { name: '越权师资', category: 'part_time', source: 'other' };

/** The teacher bank, volunteer hours and the staffing norm. */
export const TEACHERS_MATRIX: Matrix = {
  'GET /api/teacher-banks': async (x) => {
    const r = await x.c.req('GET', '/api/teacher-banks');
    if (!admits(x, 'GET /api/teacher-banks')) return expectDenied(r);
    const { banks } = await expectOk(Promise.resolve(r));
    // The town and centre banks of the own subtree (kept) and those above it (read only).
    const kept = await sqlIds(x, `select id from org_nodes where level in ('town', 'centre') and path like $1`, [
      under(x),
    ]);
    const above = await sqlIds(
      x,
      `select id from org_nodes where level in ('town', 'centre') and $1 like path || '%' and path <> $1`,
      [ownPath(x)],
    );
    expectSameIds(
      banks.map((b: { id: string }) => b.id),
      [...kept, ...above],
      'banks',
    );
    expectSameIds(
      banks.filter((b: { canKeep: boolean }) => b.canKeep).map((b: { id: string }) => b.id),
      KEEPERS.includes(x.role) ? kept : [],
      'banks kept',
    );
  },
  'GET /api/teachers': async (x) => {
    const { c, s, w } = x;
    await foreignBanks(s, w);
    const r = await c.req('GET', '/api/teachers?pageSize=200');
    if (!admits(x, 'GET /api/teachers')) return expectDenied(r);
    const page = await expectOk(Promise.resolve(r));
    const want = await sqlIds(
      x,
      `select t.id from teachers t join org_nodes n on n.id = t.bank_node_id where n.path like $1 or $2 like n.path || '%'`,
      [under(x), ownPath(x)],
    );
    expectSameIds(
      page.items.map((t: { id: string }) => t.id),
      want,
      'teachers',
    );
    expect(page.total).toBe(want.length);
    await expectDenied(c.req('GET', `/api/teachers?bankNodeId=${w.nodes.B1.id}`));
  },
  'GET /api/teachers/export.xlsx': async (x) => {
    await foreignBanks(x.s, x.w);
    await exportRow({
      route: 'GET /api/teachers/export.xlsx',
      urls: async () => ({ exportUrl: '/api/teachers/export.xlsx', listUrl: '/api/teachers' }),
      action: 'teacher.export',
      columns: ['姓名', '所属师资库', '联系电话'],
      cells: (t) => [t.name, t.bankNodeName, t.phone],
      refused: async (y) => [`/api/teachers/export.xlsx?bankNodeId=${y.w.nodes.B1.id}`],
    })(x);
  },
  'GET /api/teachers/:id': async ({ c, home, s, w }) => {
    for (const f of await hiddenFrom({ s, w, home })) await expectDenied(c.req('GET', `/api/teachers/${f.teacherId}`));
  },
  'POST /api/teachers': async ({ c, home, s, w }) => {
    for (const f of await notKept({ s, w, home })) {
      const bankId = Object.values(w.nodes).find((n) => n.path === f.bankPath)!.id;
      await expectDenied(c.req('POST', '/api/teachers', { ...body, bankNodeId: bankId }));
    }
    expect((await s.database.db.select().from(teachers).where(eq(teachers.name, '越权师资'))).length).toBe(0);
  },
  'PUT /api/teachers/:id': async ({ c, home, s, w }) => {
    for (const f of await notKept({ s, w, home })) {
      const before = await teacherRow(s, f.teacherId);
      await expectDenied(c.req('PUT', `/api/teachers/${f.teacherId}`, body));
      expect(await teacherRow(s, f.teacherId)).toEqual(before);
    }
  },
  'POST /api/teachers/:id/status': async ({ c, home, s, w }) => {
    for (const f of await notKept({ s, w, home })) {
      await expectDenied(
        c.req('POST', `/api/teachers/${f.teacherId}/status`, {
          status: 'left',
          effectiveDate: '2026-01-06',
          reason: '越权',
        }),
      );
      expect((await teacherRow(s, f.teacherId)).status).toBe('active');
    }
  },
  'GET /api/teachers/:id/service-record': async ({ c, home, s, w }) => {
    for (const f of await notKept({ s, w, home }))
      await expectDenied(c.req('GET', `/api/teachers/${f.teacherId}/service-record?from=2026-01-01&to=2026-12-31`));
  },
  'GET /api/volunteer-hours/mine': async ({ c, s, w }) => {
    await foreignBanks(s, w);
    const r = await c.req('GET', '/api/volunteer-hours/mine');
    expect(r.statusCode).toBe(200);
    // No teacher entry is linked to county A's actors: nothing of anyone else's comes back.
    expect(r.json().teachers).toEqual([]);
    expect(r.json().items).toEqual([]);
  },
  'GET /api/volunteer-hours': async (x) => {
    await foreignBanks(x.s, x.w);
    const r = await x.c.req('GET', '/api/volunteer-hours?pageSize=200');
    if (!admits(x, 'GET /api/volunteer-hours')) return expectDenied(r);
    const page = await expectOk(Promise.resolve(r));
    // Hours served at a place in the own subtree, whoever's bank the volunteer is in.
    const want = await sqlIds(
      x,
      `select h.id from volunteer_hours h join org_nodes n on n.id = h.node_id where n.path like $1`,
      [under(x)],
    );
    expectSameIds(
      page.items.map((h: { id: string }) => h.id),
      want,
      'volunteer hours',
    );
    await expectDenied(x.c.req('GET', `/api/volunteer-hours?nodeId=${x.w.nodes.B1.id}`));
  },
  'GET /api/volunteer-hours/export.xlsx': async (x) => {
    await foreignBanks(x.s, x.w);
    await exportRow({
      route: 'GET /api/volunteer-hours/export.xlsx',
      urls: async () => ({ exportUrl: '/api/volunteer-hours/export.xlsx', listUrl: '/api/volunteer-hours' }),
      action: 'volunteer_hours.export',
      columns: ['志愿者', '服务地点', '服务日期', '时长（小时）'],
      cells: (h) => [h.teacherName, h.nodeName, h.serviceDate, h.hours],
      refused: async (y) => [`/api/volunteer-hours/export.xlsx?nodeId=${y.w.nodes.B1.id}`],
    })(x);
  },
  'POST /api/volunteer-hours': async ({ c, s, w }) => {
    const b = (await foreignBanks(s, w)).find((f) => f.key === 'B1a')!;
    await expectDenied(
      c.req('POST', '/api/volunteer-hours', {
        teacherId: b.teacherId,
        nodeId: w.nodes.B1a.id,
        serviceDate: '2026-01-05',
        hours: 1,
        description: '冒名',
      }),
    );
    expect(
      (await s.database.db.select().from(volunteerHours).where(eq(volunteerHours.description, '冒名'))).length,
    ).toBe(0);
  },
  'POST /api/volunteer-hours/:id/review': async ({ c, home, s, w }) => {
    const own = ownPath({ w, home });
    const foreign = (await foreignBanks(s, w)).filter((f) => !f.placePath.startsWith(own));
    for (const f of foreign)
      await expectDenied(c.req('POST', `/api/volunteer-hours/${f.hoursId}/review`, { decision: 'approved' }));
    const rows = await s.database.db
      .select({ status: volunteerHours.status })
      .from(volunteerHours)
      .where(
        inArray(
          volunteerHours.id,
          foreign.map((f) => f.hoursId),
        ),
      );
    expect(rows.every((r) => r.status === 'pending')).toBe(true);
  },
  'GET /api/staffing': async (x) => {
    const r = await x.c.req('GET', '/api/staffing?pageSize=200');
    if (!admits(x, 'GET /api/staffing')) return expectDenied(r);
    const page = await expectOk(Promise.resolve(r));
    const want = await sqlIds(x, `select id from org_nodes where level = 'centre' and path like $1`, [under(x)]);
    expectSameIds(
      page.items.map((i: { nodeId: string }) => i.nodeId),
      want,
      'staffing centres',
    );
    expect(page.norms.map((n: { countyId: string }) => n.countyId)).toEqual([x.w.nodes.A.id]);
    await expectDenied(x.c.req('GET', `/api/staffing?nodeId=${x.w.nodes.B1.id}`));
  },
  'PUT /api/staffing-norms/:countyId': async ({ c, s, w }) => {
    await expectDenied(
      c.req('PUT', `/api/staffing-norms/${w.nodes.B.id}`, { fullTimeMin: 0, partTimeMin: 0, partTimeMax: 0 }),
    );
    expect(await s.database.db.select().from(staffingNorms).where(eq(staffingNorms.countyId, w.nodes.B.id))).toEqual(
      [],
    );
  },
};
