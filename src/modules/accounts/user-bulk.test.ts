import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNode, buildUser, type NodeRef } from '../../../test/factories';
import { signIn, type Client } from '../../../test/server';
import { signInAll, useTestServer } from '../../../test/server-fixture';
import { auditLog } from '../../server/db/audit.table';
import { orgNodes } from '../../server/db/tree.table';
import { checkPassword } from '../../shared/password-rules';
import { roleAssignments, users } from './account.table';
import { oneTimePassword } from './user-bulk.service';

// Accounts for every town office and centre in one action (issue 14).

const s = useTestServer();
let county: NodeRef;
let townA: NodeRef;
let townB: NodeRef;
let countyAdmin: Client;
let townAdminB: Client;
const centres: NodeRef[] = [];

const code = (n: NodeRef, c: string) =>
  s.database.db.update(orgNodes).set({ divisionCode: c }).where(eq(orgNodes.id, n.id));

beforeAll(async () => {
  county = await buildNode(s.database, null, { name: '潼南区', level: 'county' });
  townA = await buildNode(s.database, county, { name: '桂林街道', level: 'town' });
  townB = await buildNode(s.database, county, { name: '梓潼街道', level: 'town' });
  await code(county, '500152000000');
  await code(townA, '500152001000');
  await code(townB, '500152002000');
  for (const [town, name, c] of [
    [townA, '莲花社区', '500152001001'],
    [townA, '井田社区', '500152001002'],
    [townB, '梓潼社区', '500152002001'],
    [townB, '无代码村', null],
  ] as const) {
    const n = await buildNode(s.database, town, { name, level: 'centre' });
    if (c) await code(n, c);
    centres.push(n);
  }
  await buildNode(s.database, townA, { name: '文化站', level: 'unit', unitKind: 'lead_dept' });
  await buildUser(s.database, { username: 'ca', role: 'county_admin', node: county });
  await buildUser(s.database, { username: 'tb', role: 'town_admin', node: townB });
  // 井田社区 already has its manager: left alone.
  await buildUser(s.database, { username: 'jt', role: 'centre_manager', node: centres[1] });
  // A username the code rule will want for 梓潼社区 is taken already.
  await buildUser(s.database, { username: '500152002001', role: 'teacher', node: centres[2] });
  [countyAdmin, townAdminB] = await signInAll(s.app, 'ca', 'tb');
});

describe('one-time passwords', () => {
  it('pass the password rules, readable on paper', () => {
    for (let i = 0; i < 200; i++) {
      const p = oneTimePassword();
      expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{4}-[a-km-zA-HJ-NP-Z2-9]{4}$/);
      expect(checkPassword(p)).toBeNull();
    }
  });
});

describe('accounts for every town and centre', () => {
  it('refuses a town admin another town, and a centre as the node; nothing is written', async () => {
    const before = (await s.database.db.select().from(users)).length;
    expect((await townAdminB.req('POST', '/api/users/bulk', { nodeId: townA.id, rule: 'code' })).statusCode).toBe(404);
    expect((await townAdminB.req('POST', '/api/users/bulk', { nodeId: county.id, rule: 'code' })).statusCode).toBe(404);
    const centre = await countyAdmin.req('POST', '/api/users/bulk', { nodeId: centres[0].id, rule: 'code' });
    expect(centre.statusCode).toBe(400);
    expect((await s.database.db.select().from(users)).length).toBe(before);
  });

  it('makes a town admin per town and a centre manager per centre without one, named by code', async () => {
    const r = await countyAdmin.req('POST', '/api/users/bulk', { nodeId: county.id, rule: 'code' });
    expect(r.statusCode).toBe(200);
    const { accounts, skipped } = r.json() as {
      accounts: { nodeName: string; townName: string; role: string; username: string; password: string }[];
      skipped: number;
    };
    expect(skipped).toBe(2); // 井田社区's manager, and 梓潼街道's town admin (tb)
    expect(accounts.map((a) => [a.nodeName, a.townName, a.role, a.username])).toEqual([
      ['桂林街道', '桂林街道', 'town_admin', '500152001'],
      ['莲花社区', '桂林街道', 'centre_manager', '500152001001'],
      ['梓潼社区', '梓潼街道', 'centre_manager', '500152002001001'], // taken: the code's last digits added
      ['无代码村', '梓潼街道', 'centre_manager', 'wudaimacun'], // no code: its pinyin
    ]);
    // Stored with the role, the home node and the duty to change the password.
    const made = await s.database.db
      .select()
      .from(users)
      .where(
        inArray(
          users.username,
          accounts.map((a) => a.username),
        ),
      );
    expect(made.every((u) => u.mustChangePassword)).toBe(true);
    const grants = await s.database.db
      .select()
      .from(roleAssignments)
      .where(
        inArray(
          roleAssignments.userId,
          made.map((u) => u.id),
        ),
      );
    expect(grants).toHaveLength(4);
    // The one-time password signs in, and the account must choose its own before anything else.
    const lotus = accounts.find((a) => a.nodeName === '莲花社区')!;
    const c = await signIn(s.app, lotus.username, lotus.password);
    const me = await c.req('GET', '/api/auth/me');
    expect(me.json().user.mustChangePassword).toBe(true);
    expect((await c.req('GET', '/api/org/tree')).statusCode).toBe(403);
    // Audited once, with the usernames, never the passwords.
    const [audit] = await s.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.bulk_create'));
    expect(audit.summary).toMatchObject({ created: 4, skipped: 2, rule: 'code' });
    expect(JSON.stringify(audit.summary)).not.toContain(lotus.password);
  });

  it('a second run makes nothing: every town and centre has its manager', async () => {
    const r = await countyAdmin.req('POST', '/api/users/bulk', { nodeId: county.id, rule: 'pinyin' });
    expect(r.json()).toEqual({ accounts: [], skipped: 6 });
  });

  it('a centre added later gets its account from the town admin, named in pinyin', async () => {
    const n = await buildNode(s.database, townB, { name: '新建村', level: 'centre' });
    const r = await townAdminB.req('POST', '/api/users/bulk', { nodeId: townB.id, rule: 'pinyin' });
    expect(r.json().accounts.map((a: { nodeId: string; username: string }) => [a.nodeId, a.username])).toEqual([
      [n.id, 'xinjiancun'],
    ]);
  });
});
