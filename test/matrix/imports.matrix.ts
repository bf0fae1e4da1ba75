import { count, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { importJobs, importMappings } from '../../src/modules/imports/imports.table';
import { RESIDENT_ROLES } from '../../src/shared/roles';
import { TEST_PASSWORD } from '../factories';
import { buildRosterXlsx, readXlsx } from '../fixtures/roster-xlsx';
import { signIn, type TestServer } from '../server';
import type { World } from '../factories';
import { expectDenied, expectSameIds, foreignNodes, under, type Matrix, type MatrixCtx } from './context';

/**
 * County B's import jobs, made once per server by B's county admin: one committed (so B has
 * a resident to leak) and one left in preview (to try to commit, discard or read).
 */
const foreign = new WeakMap<TestServer, Promise<{ committed: string; pending: string }>>();
function foreignJobs(s: TestServer, w: World) {
  if (!foreign.has(s)) {
    foreign.set(
      s,
      (async () => {
        const b = await signIn(s.app, 'b_county_admin', TEST_PASSWORD);
        const upload = async (name: string) => {
          const file = await buildRosterXlsx({
            headers: ['姓名', '手机号', '村/社区'],
            rows: [[name, '13512345678', w.nodes.B1a.name]],
          });
          const r = await b.req('POST', '/api/imports/residents', {
            nodeId: w.nodes.B1.id,
            fileName: 'b.xlsx',
            contentBase64: file.toString('base64'),
          });
          expect(r.statusCode, r.body).toBe(201);
          return r.json().id as string;
        };
        const committed = await upload('乙县居民');
        expect((await b.req('POST', `/api/imports/${committed}/commit`)).statusCode).toBe(200);
        return { committed, pending: await upload('乙县待导入') };
      })(),
    );
  }
  return foreign.get(s)!;
}

async function jobStatus(s: TestServer, id: string) {
  return (await s.database.db.select({ status: importJobs.status }).from(importJobs).where(eq(importJobs.id, id)))[0]
    .status;
}

const keepsRoster = (x: MatrixCtx) => RESIDENT_ROLES.includes(x.role);

/** Excel import and export of the resident roster. */
export const IMPORTS_MATRIX: Matrix = {
  'GET /api/imports/residents/template.xlsx': async ({ c, w }) => {
    await expectDenied(c.req('GET', `/api/imports/residents/template.xlsx?nodeId=${w.nodes.B1.id}`));
  },
  'POST /api/imports/residents': async ({ c, home, s, w }) => {
    const file = await buildRosterXlsx({
      headers: ['姓名', '手机号', '村/社区'],
      rows: [['越权导入', '13500000000', w.nodes.B1a.name]],
    });
    for (const f of foreignNodes({ w, home }).filter((n) => ['A2', 'A2a', 'B1', 'B1a'].includes(n.key))) {
      const before = Number(
        (await s.database.db.select({ n: count() }).from(importJobs).where(eq(importJobs.nodeId, f.id)))[0].n,
      );
      await expectDenied(
        c.req('POST', '/api/imports/residents', {
          nodeId: f.id,
          fileName: 'x.xlsx',
          contentBase64: file.toString('base64'),
        }),
      );
      expect(
        Number((await s.database.db.select({ n: count() }).from(importJobs).where(eq(importJobs.nodeId, f.id)))[0].n),
      ).toBe(before);
    }
  },
  'GET /api/imports/:id': async ({ c, s, w }) => {
    const { committed, pending } = await foreignJobs(s, w);
    await expectDenied(c.req('GET', `/api/imports/${committed}`));
    await expectDenied(c.req('GET', `/api/imports/${pending}`));
  },
  'POST /api/imports/:id/mapping': async ({ c, s, w }) => {
    const { pending } = await foreignJobs(s, w);
    const before = (
      await s.database.db.select({ report: importJobs.report }).from(importJobs).where(eq(importJobs.id, pending))
    )[0].report;
    await expectDenied(c.req('POST', `/api/imports/${pending}/mapping`, { mapping: { 姓名: 'name', 手机号: null } }));
    expect(await jobStatus(s, pending)).toBe('previewed');
    expect(
      (await s.database.db.select({ report: importJobs.report }).from(importJobs).where(eq(importJobs.id, pending)))[0]
        .report,
    ).toEqual(before);
    expect(
      Number(
        (
          await s.database.db
            .select({ n: count() })
            .from(importMappings)
            .where(eq(importMappings.countyId, w.nodes.B.id))
        )[0].n,
      ),
    ).toBe(0);
  },
  'POST /api/imports/:id/commit': async ({ c, s, w }) => {
    const { pending } = await foreignJobs(s, w);
    await expectDenied(c.req('POST', `/api/imports/${pending}/commit`));
    expect(await jobStatus(s, pending)).toBe('previewed');
  },
  'DELETE /api/imports/:id': async ({ c, s, w }) => {
    const { pending } = await foreignJobs(s, w);
    await expectDenied(c.req('DELETE', `/api/imports/${pending}`));
    expect(await jobStatus(s, pending)).toBe('previewed');
  },
  'GET /api/imports/:id/errors.xlsx': async ({ c, s, w }) => {
    const { pending } = await foreignJobs(s, w);
    await expectDenied(c.req('GET', `/api/imports/${pending}/errors.xlsx`));
  },
  'GET /api/residents/export.xlsx': async (x) => {
    const { c, s, w } = x;
    await foreignJobs(s, w);
    await expectDenied(c.req('GET', `/api/residents/export.xlsx?nodeId=${w.nodes.B1.id}`));
    const r = await c.req('GET', '/api/residents/export.xlsx');
    if (!keepsRoster(x)) return expectDenied(r);
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    const ws = await readXlsx(r.rawPayload);
    const names: unknown[] = [];
    ws.eachRow((row, n) => n > 1 && names.push(row.getCell(1).value));
    // Exactly the own subtree's residents (the export lists names in column 1).
    const want = (
      await s.database.query<{ id: string }>(
        `select r.name as id from residents r join org_nodes n on n.id = r.node_id where n.path like $1 and r.anonymized_at is null`,
        [under(x)],
      )
    ).map((row) => row.id);
    expectSameIds(names, want, 'exported names');
    expect(names).not.toContain('乙县居民');
  },
};
