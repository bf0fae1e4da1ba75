import crypto from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db';
import { createProtector } from '../server/protect';
import type { Database } from '../server/db/client';
import { seedDemoIfEmpty } from './demo';

let database: Database | undefined;
afterAll(() => database?.close());

it('two app nodes seeding an empty database at once: one creates the demo county, the other finds it there', async () => {
  database = await createTestDatabase();
  const protector = createProtector(crypto.randomBytes(32));
  const results = await Promise.all([
    seedDemoIfEmpty(database, 'Demo-pass-2026', protector),
    seedDemoIfEmpty(database, 'Demo-pass-2026', protector),
  ]);
  expect(results.sort()).toEqual([false, true]);
  const counties = await database.query<{ n: number }>(
    `select count(*)::int as n from org_nodes where level = 'county'`,
  );
  expect(counties[0].n).toBe(1);
  const admins = await database.query<{ n: number }>(`select count(*)::int as n from users where username = 'admin'`);
  expect(admins[0].n).toBe(1);
});
