import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNode } from '../../../test/factories';
import { buildResident } from '../../../test/credit-factories';
import { openDatabase, type Database } from '../../server/db/client';
import { creditRedemptions, creditRewards } from './credit-bank.table';
import { appendEntry } from './credit-ledger';

const run = promisify(execFile);

/** A database the command can open by itself: a PGlite directory, or a database on the test PostgreSQL server. */
async function ownDatabase(): Promise<{ database: Database; env: Record<string, string>; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cedu-credits-'));
    return {
      database: await openDatabase({ dataDir: dir }),
      env: { CEDU_DATA_DIR: dir },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `cedu_cv_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    database: await openDatabase({ url: u.toString() }),
    env: { DATABASE_URL: u.toString() },
    drop: async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

const verify = (env: Record<string, string>) =>
  run('npx', ['tsx', 'scripts/credits-verify.ts'], { env: { ...process.env, DATABASE_URL: '', ...env } }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stderr: string }) => ({ code: e.code, out: e.stderr }),
  );

let own: Awaited<ReturnType<typeof ownDatabase>>;
let residentId: string;
let redemptionId: string;
beforeAll(async () => {
  own = await ownDatabase();
  const county = await buildNode(own.database, null, { name: '核对县', level: 'county' });
  const village = await buildNode(own.database, county, { name: '核对村', level: 'centre' });
  residentId = await buildResident(own.database, village);
  const other = await buildResident(own.database, village);
  const [reward] = await own.database.db
    .insert(creditRewards)
    .values({ countyId: county.id, nodeId: county.id, name: '核对奖品', cost: '2.0', stock: 1 })
    .returning({ id: creditRewards.id });
  redemptionId = crypto.randomUUID();
  await own.database.db.transaction(async (tx) => {
    await appendEntry(tx, { countyId: county.id, residentId, kind: 'award', amount: 5, note: '测试' });
    const spend = await appendEntry(tx, {
      countyId: county.id,
      residentId,
      kind: 'redeem',
      amount: -2,
      sourceType: 'redemption',
      sourceId: redemptionId,
    });
    await tx.insert(creditRedemptions).values({
      id: redemptionId,
      countyId: county.id,
      residentId,
      rewardId: reward.id,
      ledgerId: spend!.id,
      cost: '2.0',
      channel: 'counter',
    });
    await appendEntry(tx, { countyId: county.id, residentId: other, kind: 'award', amount: 1.5 });
  });
  await own.database.close();
});
afterAll(() => own.drop());

describe('npm run credits:verify', () => {
  it('passes while every cached balance is the sum of the ledger, and fails with the resident named when one is not', async () => {
    const ok = await verify(own.env);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain('2 accounts, 1 redemptions');
    const db = own.env.DATABASE_URL
      ? await openDatabase({ url: own.env.DATABASE_URL })
      : await openDatabase({ dataDir: own.env.CEDU_DATA_DIR });
    await db.query('update credit_balances set balance = balance + 1 where resident_id = $1', [residentId]);
    await db.query(`update credit_redemptions set status = 'cancelled' where id = $1`, [redemptionId]);
    await db.close();
    const bad = await verify(own.env);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(residentId);
    expect(bad.out).toContain('cached 4 ≠ 流水合计 ledger 3');
    expect(bad.out).toContain(`redemption ${redemptionId} (cancelled): redemption cancelled but entry not reversed`);
  }, 120_000);
});
