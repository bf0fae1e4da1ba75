import { expect } from 'vitest';
import { inArray } from 'drizzle-orm';
import { annualSummaries, monthlyReports, reportSettings } from '../../src/modules/reports/reports.table';
import {
  admits,
  expectDenied,
  expectOk,
  expectSameIds,
  foreignNodes,
  sqlIds,
  type Matrix,
  type MatrixCtx,
} from './context';

const MONTH = '2026-03';
const report = (id: string, tail = '') => `/api/monthly-reports/${id}/${MONTH}${tail}`;
const summary = (id: string, tail = '') => `/api/annual-summaries/${id}/2026${tail}`;

/** Nothing was written for the nodes outside the actor's subtree. */
async function nothingWritten(x: MatrixCtx) {
  const ids = foreignNodes(x).map((n) => n.id);
  const db = x.s.database.db;
  expect(await db.select().from(monthlyReports).where(inArray(monthlyReports.nodeId, ids))).toEqual([]);
  expect(await db.select().from(annualSummaries).where(inArray(annualSummaries.nodeId, ids))).toEqual([]);
}

/** Every node outside the actor's subtree is hidden (or the role refused), for a read or a write. */
async function deniedEverywhere(x: MatrixCtx, method: string, url: (id: string) => string, body?: unknown) {
  for (const n of foreignNodes(x)) await expectDenied(x.c.req(method, url(n.id), body));
  if (method !== 'GET') await nothingWritten(x);
}

/** Monthly reports, annual summaries, the county's reporting calendar. */
export const REPORTS_MATRIX: Matrix = {
  'GET /api/monthly-reports': async (x) => {
    await deniedEverywhere(x, 'GET', (id) => `/api/monthly-reports?nodeId=${id}&month=${MONTH}`);
    if (!admits(x, 'GET /api/monthly-reports')) return;
    const home = x.w.nodes[x.home];
    const r = await expectOk(x.c.req('GET', `/api/monthly-reports?nodeId=${home.id}&month=${MONTH}`));
    const want = await sqlIds(
      x,
      `select c.id from org_nodes c join org_nodes p on p.id = c.parent_id where p.id = $1
         and c.level = case p.level when 'county' then 'town' when 'town' then 'centre' end`,
      [home.id],
    );
    expectSameIds(
      r.children.map((c: { node: { id: string } }) => c.node.id),
      want,
      'reports from below',
    );
  },
  'GET /api/monthly-reports/:nodeId/:month': (x) => deniedEverywhere(x, 'GET', (id) => report(id)),
  'PUT /api/monthly-reports/:nodeId/:month': (x) => deniedEverywhere(x, 'PUT', (id) => report(id), { body: '越权' }),
  'POST /api/monthly-reports/:nodeId/:month/submit': (x) =>
    deniedEverywhere(x, 'POST', (id) => report(id, '/submit'), { body: '越权' }),
  'POST /api/monthly-reports/:nodeId/:month/review': (x) =>
    deniedEverywhere(x, 'POST', (id) => report(id, '/review'), { decision: 'accept' }),
  'POST /api/monthly-reports/:nodeId/:month/lock': (x) =>
    deniedEverywhere(x, 'POST', (id) => report(id, '/lock'), { unlock: true, reason: '越权' }),
  'GET /api/monthly-reports/:nodeId/:month/export': (x) =>
    deniedEverywhere(x, 'GET', (id) => report(id, '/export?format=xlsx')),
  'GET /api/annual-summaries/:nodeId/:year': (x) => deniedEverywhere(x, 'GET', (id) => summary(id)),
  'PUT /api/annual-summaries/:nodeId/:year': (x) =>
    deniedEverywhere(x, 'PUT', (id) => summary(id), { body: '越权', submit: true }),
  'GET /api/annual-summaries/:nodeId/:year/export': (x) =>
    deniedEverywhere(x, 'GET', (id) => summary(id, '/export?format=docx')),
  'GET /api/report-settings/:countyId': async ({ c, w }) => {
    await expectDenied(c.req('GET', `/api/report-settings/${w.nodes.B.id}`));
    await expectDenied(c.req('GET', `/api/report-settings/${w.nodes.B1.id}`));
  },
  'PUT /api/report-settings/:countyId': async ({ c, s, w }) => {
    const body = { deadlineDay: 1, lockDay: 2, startMonth: '2026-01' };
    await expectDenied(c.req('PUT', `/api/report-settings/${w.nodes.B.id}`, body));
    // Read back: no calendar was written, so B's start month is still the automatic one.
    expect(await s.database.db.select().from(reportSettings)).toEqual([]);
  },
};
