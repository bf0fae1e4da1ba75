import { and, desc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNode, buildUser, TEST_PASSWORD } from '../../../test/factories';
import { readXlsx } from '../../../test/fixtures/roster-xlsx';
import { signIn, type Client } from '../../../test/server';
import { useTestServer } from '../../../test/server-fixture';
import { auditLog } from '../../server/db/audit.table';
import { residents } from '../people/people.table';

/** An export whose stream fails ends as a failure (an error answer or a cut download), audited as failed. */
const s = useTestServer();
let ta: Client;
let base: string;
let townId: string;
const ROWS = 5100; // more than one batch of 5,000

beforeAll(async () => {
  const county = await buildNode(s.database, null, { name: '青溪县', level: 'county' });
  const town = await buildNode(s.database, county, { name: '云台镇', level: 'town' });
  const village = await buildNode(s.database, town, { name: '东坡村', level: 'centre' });
  townId = town.id;
  await buildUser(s.database, { username: 'ta', role: 'town_admin', node: town });
  ta = await signIn(s.app, 'ta', TEST_PASSWORD);
  await s.database.db.execute(sql`insert into residents (county_id, node_id, name, id_number_enc, id_last4)
    select ${county.id}, ${village.id}, '导出居民', ${s.app.protector.encrypt('110105194901011234')}, '1234' from generate_series(1, ${ROWS})`);
  base = await s.app.listen({ port: 0, host: '127.0.0.1' });
}, 60_000);

const lastExportAudit = async () =>
  (
    await s.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'residents.export')))
      .orderBy(desc(auditLog.id))
      .limit(1)
  )[0];
/** Makes one resident's stored ID number unreadable: decrypting it throws. */
const corrupt = async (which: 'first' | 'last') => {
  const [r] = await s.database.db
    .select({ id: residents.id })
    .from(residents)
    .orderBy(which === 'first' ? residents.id : desc(residents.id))
    .limit(1);
  await s.database.db.update(residents).set({ idNumberEnc: 'not-a-ciphertext' }).where(eq(residents.id, r.id));
  return r.id;
};
const fetchExport = () =>
  fetch(`${base}/api/residents/export.xlsx?nodeId=${townId}`, { headers: { cookie: ta.cookie } });

describe('a roster export that fails', () => {
  it('a whole export is a readable file with every row, audited ok', async () => {
    const res = await fetchExport();
    expect(res.status).toBe(200);
    const ws = await readXlsx(Buffer.from(await res.arrayBuffer()));
    expect(ws.rowCount).toBe(ROWS + 1);
    expect(await lastExportAudit()).toMatchObject({ outcome: 'ok', summary: { rows: ROWS } });
  });

  it('failing in the first batch answers an error, not a 200 with a broken file, and is audited as failed', async () => {
    const id = await corrupt('first');
    const r = await ta.req('GET', `/api/residents/export.xlsx?nodeId=${townId}`);
    expect(r.statusCode).toBe(500);
    expect(r.json().error.code).toBe('INTERNAL');
    expect(await lastExportAudit()).toMatchObject({ outcome: 'failed', summary: { rows: 0 } });
    await s.database.db
      .update(residents)
      .set({ idNumberEnc: s.app.protector.encrypt('110105194901011234') })
      .where(eq(residents.id, id));
  });

  it('failing after the download began cuts the download (the client sees an error, never a whole-looking file), audited as failed', async () => {
    await corrupt('last');
    const res = await fetchExport();
    expect(res.status).toBe(200);
    await expect(res.arrayBuffer()).rejects.toThrow();
    await expect.poll(async () => (await lastExportAudit()).outcome).toBe('failed');
    expect((await lastExportAudit()).summary).toMatchObject({ rows: ROWS - 1 });
  });
});
