import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { orgNodes } from '../../src/modules/organisations/org.table';
import { expectDenied, ownPath, type Matrix } from './context';

/** The audit trail and settings. */
export const AUDIT_MATRIX: Matrix = {
  'GET /api/audit': async ({ c, role, home, userId, s, w }) => {
    const r = await c.req('GET', '/api/audit?pageSize=200');
    if (!['county_admin', 'town_admin'].includes(role)) return expectDenied(r);
    expect(r.statusCode).toBe(200);
    const prefix = ownPath({ w, home });
    const nodeIds = new Set(Object.values(w.nodes).filter((n) => n.path.startsWith(prefix)).map((n) => n.id));
    for (const row of r.json().items) {
      if (row.nodeId === null) expect(row.actorId).toBe(userId);
      else if (!nodeIds.has(row.nodeId)) {
        // Created during the test inside the own subtree? Then its node path says so.
        const [n] = await s.database.db.select({ path: orgNodes.path }).from(orgNodes).where(eq(orgNodes.id, row.nodeId));
        expect(n?.path.startsWith(prefix), `foreign audit row ${row.action}`).toBe(true);
      }
    }
    await expectDenied(c.req('GET', `/api/audit?nodeId=${w.nodes.B.id}`));
  },
  'GET /api/audit/verify': async ({ c }) => expectDenied(c.req('GET', '/api/audit/verify')),
  'GET /api/settings': async ({ c }) => expectDenied(c.req('GET', '/api/settings')),
  'PUT /api/settings': async ({ c }) => expectDenied(c.req('PUT', '/api/settings', { passwordMaxAgeDays: 1, idleTimeoutMinutes: 5 })),
};
