import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNode, type NodeRef } from '../../../test/factories';
import { useTestServer } from '../../../test/server-fixture';
import { residents, residentTags } from './people.table';
import { rosterFingerprint } from './roster-match';

const s = useTestServer();
let county: NodeRef;
let other: NodeRef;
let village: NodeRef;

beforeAll(async () => {
  county = await buildNode(s.database, null, { name: '县', level: 'county' });
  other = await buildNode(s.database, null, { name: '另一县', level: 'county' });
  const town = await buildNode(s.database, county, { name: '镇', level: 'town' });
  village = await buildNode(s.database, town, { name: '村', level: 'centre' });
});

/** The roster import's commit plans outside its transaction and re-plans only when this fingerprint moved. */
describe('roster fingerprint', () => {
  it('changes on every insert, update, tag change and delete in the county, and only there', async () => {
    const db = s.database.db;
    const f0 = await rosterFingerprint(db, county.id);
    const [r] = await db
      .insert(residents)
      .values({ countyId: county.id, nodeId: village.id, name: '张三' })
      .returning();
    const f1 = await rosterFingerprint(db, county.id);
    expect(f1).not.toBe(f0);
    await db.update(residents).set({ building: '1 组' }).where(eq(residents.id, r.id));
    const f2 = await rosterFingerprint(db, county.id);
    expect(f2).not.toBe(f1);
    await db.insert(residentTags).values({ residentId: r.id, tag: 'elderly' });
    const f3 = await rosterFingerprint(db, county.id);
    expect(f3).not.toBe(f2);
    expect(await rosterFingerprint(db, other.id)).toBe(await rosterFingerprint(db, other.id));
    const otherBefore = await rosterFingerprint(db, other.id);
    await db.delete(residents).where(eq(residents.id, r.id));
    expect(await rosterFingerprint(db, county.id)).not.toBe(f3);
    expect(await rosterFingerprint(db, other.id)).toBe(otherBefore);
  });
});
