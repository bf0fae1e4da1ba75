import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNode, buildUser, TEST_PASSWORD, type NodeRef } from '../../../test/factories';
import { residentBody } from '../../../test/people-factories';
import { signIn, type Client } from '../../../test/server';
import { useTestServer } from '../../../test/server-fixture';
import { residentNames, residentRef } from './index';
import { residents } from './people.table';

// What other modules read of a resident through people/index.ts.
const s = useTestServer();
let ca: Client;
let county: NodeRef, village: NodeRef;
let a: string, b: string;

beforeAll(async () => {
  county = await buildNode(s.database, null, { name: '青溪县', level: 'county' });
  const town = await buildNode(s.database, county, { name: '云台镇', level: 'town' });
  village = await buildNode(s.database, town, { name: '东坡村', level: 'centre' });
  await buildUser(s.database, { username: 'ca', role: 'county_admin', node: county });
  ca = await signIn(s.app, 'ca', TEST_PASSWORD);
  const made = async (name: string, gender: string) => {
    const r = await ca.req('POST', '/api/residents', residentBody(village.id, { name, gender }));
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  a = await made('周小梅', 'female');
  b = await made('吴大山', 'male');
});

describe('people/index', () => {
  it('residentRef gives the home node, county and name; null for an unknown id', async () => {
    expect(await residentRef(s.database.db, a)).toEqual({
      id: a,
      name: '周小梅',
      gender: 'female',
      countyId: county.id,
      nodeId: village.id,
      nodeName: '东坡村',
      path: village.path,
      anonymized: false,
    });
    expect(await residentRef(s.database.db, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('residentRef says when the record was anonymised', async () => {
    expect((await residentRef(s.database.db, b))?.anonymized).toBe(false);
    await s.database.db.update(residents).set({ anonymizedAt: new Date() }).where(eq(residents.id, b));
    expect((await residentRef(s.database.db, b))?.anonymized).toBe(true);
  });

  it('residentNames maps ids to names, once each, leaving out unknown ids', async () => {
    const names = await residentNames(s.database.db, [a, a, '00000000-0000-4000-8000-000000000000']);
    expect([...names]).toEqual([[a, '周小梅']]);
    expect((await residentNames(s.database.db, [])).size).toBe(0);
  });
});
