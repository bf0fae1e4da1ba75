import { describe, expect, it } from 'vitest';
import { buildActivity } from '../../../test/activity-factories';
import { TEST_PASSWORD } from '../../../test/factories';
import { signIn } from '../../../test/server';
import { useWorldServer } from '../../../test/server-fixture';
import { activatedResident } from '../../../test/signin-factories';
import { signIns } from '../signin/signin.table';

const { s, w } = useWorldServer();

/** A resident with an activated account, signed in on their own phone. */
async function residentPhone(node: { id: string; path: string }, name: string, phone: string, admin: string) {
  const staff = await signIn(s.app, admin, TEST_PASSWORD);
  const made = await activatedResident(s, staff, node, { name, phone, password: `Pw-${phone}-x` });
  made.phone.setCsrf(made.csrfToken);
  return { rid: made.rid, p: made.phone };
}

describe('the resident’s phone pages (/api/me)', () => {
  it('register, see it as mine, cancel; near me lists my town’s open activities this week', async () => {
    const me = await residentPhone(w.nodes.A1a, '周一', '13822220001', 'a_county_admin');
    const here = await buildActivity(s.database, { centre: w.nodes.A1a, title: '本村讲座', capacity: 1 });
    const sibling = await buildActivity(s.database, { centre: w.nodes.A1b, title: '邻村讲座' });
    const otherTown = await buildActivity(s.database, { centre: w.nodes.A2a, title: '外镇讲座' });
    const near = (await me.p.req('GET', '/api/me/activities?scope=near&pageSize=100')).json();
    const ids = near.items.map((a: { id: string }) => a.id);
    expect(ids).toContain(here.id);
    expect(ids).toContain(sibling.id);
    expect(ids).not.toContain(otherTown.id);
    expect(ids.indexOf(here.id)).toBeLessThan(ids.indexOf(sibling.id));

    expect((await me.p.req('POST', `/api/me/activities/${here.id}/register`)).json()).toEqual({ status: 'registered' });
    const mine = (await me.p.req('GET', '/api/me/activities?scope=mine')).json();
    expect(mine.items).toEqual([
      expect.objectContaining({ id: here.id, myRegistration: 'registered', registeredCount: 1 }),
    ]);

    // A second resident waits; my cancellation gives them the place.
    const other = await residentPhone(w.nodes.A1a, '吴二', '13822220002', 'a_county_admin');
    expect((await other.p.req('POST', `/api/me/activities/${here.id}/register`)).json()).toEqual({
      status: 'waitlisted',
    });
    expect((await me.p.req('POST', `/api/me/activities/${here.id}/cancel`)).json()).toEqual({ cancelled: true });
    const theirs = (await other.p.req('GET', '/api/me/activities?scope=mine')).json();
    expect(theirs.items[0]).toMatchObject({ id: here.id, myRegistration: 'registered' });
    expect((await me.p.req('GET', '/api/me/activities?scope=mine')).json().items).toEqual([]);
  });

  it('a resident never sees another resident’s sign-ins, and cannot register in another county', async () => {
    const a = await residentPhone(w.nodes.A1a, '郑三', '13822220003', 'a_county_admin');
    const b = await residentPhone(w.nodes.A1a, '王四', '13822220004', 'a_county_admin');
    const act = await buildActivity(s.database, { centre: w.nodes.A1a, title: '只给三' });
    await s.database.db
      .insert(signIns)
      .values({ activityId: act.id, residentId: a.rid, status: 'confirmed', method: 'manual' });
    const mineA = (await a.p.req('GET', '/api/me/sign-ins')).json();
    expect(mineA).toMatchObject({ total: 1, totals: { activities: 1, hours: 2 }, items: [{ activityId: act.id }] });
    const mineB = (await b.p.req('GET', '/api/me/sign-ins')).json();
    expect(mineB.total).toBe(0);
    expect(JSON.stringify(mineB)).not.toContain(act.id);
    const foreign = await buildActivity(s.database, { centre: w.nodes.B1a, title: '外县' });
    expect((await a.p.req('POST', `/api/me/activities/${foreign.id}/register`)).statusCode).toBe(404);
    expect((await a.p.req('GET', '/api/me/activities?scope=near&pageSize=100')).body).not.toContain(foreign.id);
    // Without the resident CSRF token a change is refused.
    a.p.setCsrf('');
    expect((await a.p.req('POST', `/api/me/activities/${act.id}/register`)).statusCode).toBe(403);
  });
});
