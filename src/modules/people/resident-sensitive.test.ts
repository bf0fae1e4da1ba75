import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNode, buildUser } from '../../../test/factories';
import { residentBody } from '../../../test/people-factories';
import type { Client } from '../../../test/server';
import { signInAll, useTestServer } from '../../../test/server-fixture';
import { auditLog } from '../../server/db/audit.table';

import { SENSITIVE_ROLES, type Role } from '../../shared/roles';

// Today every resident keeper also holds the sensitive right. Narrow the sensitive set for
// this file, so the hiding rules are exercised as they would be for a role without it. The list
// is narrowed in place (each test file runs in its own process): test/setup.ts has loaded every
// module before this file runs, so a vi.mock of shared/roles would no longer reach them.
const allSensitive = [...SENSITIVE_ROLES];
(SENSITIVE_ROLES as Role[]).splice(0, SENSITIVE_ROLES.length, 'system_admin', 'county_admin', 'town_admin');
afterAll(() => void (SENSITIVE_ROLES as Role[]).splice(0, SENSITIVE_ROLES.length, ...allSensitive));

const s = useTestServer();
let ta: Client;
let cm: Client;
let childId: string;
let taggedId: string;
let householdId: string;

beforeAll(async () => {
  const county = await buildNode(s.database, null, { name: '青溪县', level: 'county' });
  const town = await buildNode(s.database, county, { name: '云台镇', level: 'town' });
  const village = await buildNode(s.database, town, { name: '东坡村', level: 'centre' });
  await buildUser(s.database, { username: 'ta', role: 'town_admin', node: town });
  await buildUser(s.database, { username: 'cm', role: 'centre_manager', node: village });
  [ta, cm] = await signInAll(s.app, 'ta', 'cm');
  householdId = (await ta.req('POST', '/api/households', { nodeId: village.id, headName: '钱大伟' })).json().id;
  const guardian = { given: true, purpose: '学习服务', givenBy: 'guardian', guardianName: '钱大伟', method: 'paper' };
  childId = (
    await ta.req(
      'POST',
      '/api/residents',
      residentBody(village.id, {
        name: '钱小朵',
        birthDate: `${new Date().getFullYear() - 6}-01-01`,
        householdId,
        relationToHead: 'child',
        consent: guardian,
      }),
    )
  ).json().id;
  taggedId = (
    await ta.req(
      'POST',
      '/api/residents',
      residentBody(village.id, { name: '钱大伟', householdId, relationToHead: 'head', tags: ['disabled'] }),
    )
  ).json().id;
});

describe('a resident keeper without the sensitive right', () => {
  it('gets no children under 14 and no special-group tags in the roster', async () => {
    const names = (await cm.req('GET', '/api/residents')).json().items;
    expect(names.map((r: { name: string }) => r.name)).toEqual(['钱大伟']);
    expect(names[0].tags).toEqual([]);
    const all = (await ta.req('GET', '/api/residents')).json().items;
    expect(all.map((r: { name: string }) => r.name).sort()).toEqual(['钱大伟', '钱小朵']);
  });

  it('gets 404 for a child, and the tagged adult without tags', async () => {
    expect((await cm.req('GET', `/api/residents/${childId}`)).statusCode).toBe(404);
    expect((await cm.req('POST', `/api/residents/${childId}/reveal`, { field: 'phone' })).statusCode).toBe(404);
    expect((await cm.req('GET', `/api/residents/${childId}/export`)).statusCode).toBe(404);
    const adult = (await cm.req('GET', `/api/residents/${taggedId}`)).json();
    expect(adult.tags).toEqual([]);
    // Not a sensitive view for this actor: nothing sensitive was shown.
    const views = await s.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'resident.view_sensitive'), eq(auditLog.entityId, taggedId)));
    expect(views).toEqual([]);
  });

  it('finds nobody by a sensitive tag or the child age band, and sees no child in the household', async () => {
    expect((await cm.req('GET', '/api/residents?tag=disabled')).json().total).toBe(0);
    expect((await cm.req('GET', '/api/residents?ageBand=0-13')).json().total).toBe(0);
    const h = (await cm.req('GET', `/api/households/${householdId}`)).json();
    expect(h.members.map((m: { name: string }) => m.name)).toEqual(['钱大伟']);
  });

  it('keeps the hidden tags when correcting the resident', async () => {
    const r = await cm.req('PUT', `/api/residents/${taggedId}`, {
      nodeId: (await ta.req('GET', `/api/residents/${taggedId}`)).json().nodeId,
      name: '钱大卫',
      gender: 'female',
      birthDate: '1980-05-06',
      tags: [],
    });
    expect(r.statusCode, r.body).toBe(200);
    expect((await ta.req('GET', `/api/residents/${taggedId}`)).json()).toMatchObject({
      name: '钱大卫',
      tags: ['disabled'],
    });
  });

  it('still counts everyone in the statistics, without names', async () => {
    const stats = (await cm.req('GET', '/api/residents/stats')).json();
    expect(stats.total).toBe(2);
    expect(stats.byTag).toEqual([{ code: 'disabled', label: '残疾人', count: 1 }]);
    expect(JSON.stringify(stats)).not.toContain('钱');
  });
});
