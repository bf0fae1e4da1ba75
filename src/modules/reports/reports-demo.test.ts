import crypto from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db';
import { seedDemoIfEmpty } from '../../db/demo';
import type { Database } from '../../server/db/client';
import { createProtector } from '../../server/protect';

let database: Database | undefined;
afterAll(() => database?.close());

it('the demo county has reports of the last three months: accepted, one returned, late and missing, real figures; its start month is the first of them', async () => {
  database = await createTestDatabase();
  await seedDemoIfEmpty(database, 'Demo-pass-2026', createProtector(crypto.randomBytes(32)));
  const rows = await database.query<{ name: string; status: string; late: boolean; sessions: number | null }>(
    `select n.name, r.status, r.late, (r.figures->>'sessions')::int as sessions
       from monthly_reports r join org_nodes n on n.id = r.node_id order by r.month, n.name`,
  );
  const statuses = rows.map((r) => r.status);
  expect(statuses.filter((s) => s === 'returned')).toHaveLength(1);
  expect(statuses.filter((s) => s === 'accepted').length).toBeGreaterThan(15);
  expect(rows.some((r) => r.late)).toBe(true);
  // Frozen figures come from the seeded records: the submitted reports of 东坡村 held sessions.
  expect(rows.filter((r) => r.name === '东坡村' && (r.sessions ?? 0) > 0).length).toBeGreaterThan(0);
  const [first] = await database.query<{ start: number; first: number }>(
    `select s.start_month as start, (select min(month) from monthly_reports) as first from report_settings s`,
  );
  expect(first.start).toBe(first.first);
});
