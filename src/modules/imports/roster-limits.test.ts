import { count } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildNode, buildUser, TEST_PASSWORD } from '../../../test/factories';
import { buildBomb } from '../../../test/fixtures/roster-bomb';
import { signIn, type Client } from '../../../test/server';
import { useTestServer } from '../../../test/server-fixture';
import { importJobs } from './imports.table';

/**
 * Hostile files: the reader's limits are read at each import (CEDU_IMPORT_*), so these tests
 * set low ones; the defaults (200,000 rows, 200 MB of XML, a 512 MB worker heap) are measured
 * by `npm run bench:import`.
 */
const s = useTestServer();
let ta: Client;
let townId: string;
const saved = { ...process.env };

beforeAll(async () => {
  const county = await buildNode(s.database, null, { name: '青溪县', level: 'county' });
  const town = await buildNode(s.database, county, { name: '云台镇', level: 'town' });
  await buildNode(s.database, town, { name: '东坡村', level: 'centre' });
  await buildUser(s.database, { username: 'ta', role: 'town_admin', node: town });
  ta = await signIn(s.app, 'ta', TEST_PASSWORD);
  townId = town.id;
});
afterEach(() => {
  for (const k of ['CEDU_IMPORT_MAX_ROWS', 'CEDU_IMPORT_MAX_XML_MB', 'CEDU_IMPORT_WORKER_HEAP_MB']) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

const upload = (file: Buffer) =>
  ta.req('POST', '/api/imports/residents', {
    nodeId: townId,
    fileName: 'bomb.xlsx',
    contentBase64: file.toString('base64'),
  });
const jobs = async () => Number((await s.database.db.select({ n: count() }).from(importJobs))[0].n);

async function expectRefused(file: Buffer, zh: RegExp, en: RegExp) {
  const before = await jobs();
  const t0 = performance.now();
  const r = await upload(file);
  const ms = performance.now() - t0;
  expect(r.statusCode, r.body).toBe(400);
  const issue = r.json().error.issues[0];
  expect(issue.message).toMatch(zh);
  expect(issue.messageEn).toMatch(en);
  expect(await jobs()).toBe(before);
  // The server goes on answering.
  expect((await s.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  return ms;
}

describe('hostile roster files', () => {
  it('a small file whose sheet XML expands past the limit is refused (400) before it is parsed', async () => {
    process.env.CEDU_IMPORT_MAX_XML_MB = '2';
    const bomb = buildBomb(60_000);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const ms = await expectRefused(bomb, /解压后超过 2 MB/, /expands to more than 2 MB/);
    console.log(
      `bomb of ${(bomb.length / 1024).toFixed(0)} KB (≈ ${((60_000 * 150) / 1048576).toFixed(0)} MB of XML): refused in ${ms.toFixed(0)} ms`,
    );
  });

  it('more rows than allowed are refused (400)', async () => {
    process.env.CEDU_IMPORT_MAX_ROWS = '500';
    await expectRefused(buildBomb(600), /表格超过 500 行/, /more than 500 rows/);
  });

  it('a reader that goes past its heap cap ends alone, with a clear 400; the next import works', async () => {
    process.env.CEDU_IMPORT_WORKER_HEAP_MB = '8';
    await expectRefused(buildBomb(20_000), /超出了内存限制/, /memory limit/);
    delete process.env.CEDU_IMPORT_WORKER_HEAP_MB;
    const r = await upload(buildBomb(3));
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().counts).toMatchObject({ total: 3, good: 1, bad: 2 });
  });
});
