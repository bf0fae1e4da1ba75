import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildActivity } from '../../../test/activity-factories';
import { buildCreditRule } from '../../../test/credit-factories';
import { useWorldServer } from '../../../test/server-fixture';
import { activityDirectory } from './index';
import { activities } from './activities.table';
import { venues } from './venues.table';

// The everyday path's server side (issue 11): the venue chosen is the place every other page
// shows, and the activity panel says what a sign-in earns under the county's rule.

const { s, w, clients } = useWorldServer('a_centre_manager');
const [centre] = clients;

async function withVenue(name: string, place: string | null) {
  const node = w.nodes.A1a;
  const a = await buildActivity(s.database, { centre: node, title: `场地${name}`, startsAt: new Date(Date.now()) });
  const [v] = await s.database.db
    .insert(venues)
    .values({ countyId: node.path.split('/')[1], nodeId: node.id, name })
    .returning();
  await s.database.db.update(activities).set({ venueId: v.id, place }).where(eq(activities.id, a.id));
  return a.id;
}

describe('the place of an activity', () => {
  it('is the venue booked on the QR screen, the sheet, the attendance page and the desk', async () => {
    const id = await withVenue('村文化活动室甲', null);
    const qr = await centre.req('GET', `/api/sign-in/activities/${id}/qr`);
    expect(qr.statusCode).toBe(200);
    expect(qr.json().activity.place).toBe('村文化活动室甲');
    const sheet = await centre.req('GET', `/api/sign-in/activities/${id}/sheet`);
    expect(sheet.json().activity.place).toBe('村文化活动室甲');
    const att = await centre.req('GET', `/api/sign-in/activities/${id}/attendance`);
    expect(att.json().activity.place).toBe('村文化活动室甲');
    // The resident's phone pages read activities through the directory: the same place.
    const dir = activityDirectory();
    const [row] = await s.database.db.select({ place: dir.place }).from(dir).where(eq(dir.id, id));
    expect(row.place).toBe('村文化活动室甲');
  });

  it('is the place typed when no venue is booked, and the venue when both are given', async () => {
    const node = w.nodes.A1a;
    const a = await buildActivity(s.database, { centre: node, title: '只写地点' });
    await s.database.db.update(activities).set({ place: '村文化广场' }).where(eq(activities.id, a.id));
    expect((await centre.req('GET', `/api/sign-in/activities/${a.id}/sheet`)).json().activity.place).toBe('村文化广场');
    const both = await withVenue('村文化活动室乙', '二楼');
    expect((await centre.req('GET', `/api/sign-in/activities/${both}/sheet`)).json().activity.place).toBe(
      '村文化活动室乙',
    );
    const none = await buildActivity(s.database, { centre: node, title: '无地点' });
    expect((await centre.req('GET', `/api/sign-in/activities/${none.id}/sheet`)).json().activity.place).toBeNull();
  });
});

describe('what a sign-in earns, in the activity panel', () => {
  it('follows the county rule for the theme (credits per hour × hours) and says when it is paid', async () => {
    // No rule saved: the default, 1 credit an hour at sign-in; the activity has 2 hours.
    const a = await buildActivity(s.database, { centre: w.nodes.A1a, theme: 'health' });
    const one = await centre.req('GET', `/api/activities/${a.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().signInCredits).toEqual({ credits: 2, grantAt: 'sign_in' });

    await buildCreditRule(s.database, w.nodes.A, { theme: 'law', creditsPerHour: '1.5', grantAt: 'done' });
    const b = await buildActivity(s.database, { centre: w.nodes.A1a, theme: 'law' });
    expect((await centre.req('GET', `/api/activities/${b.id}`)).json().signInCredits).toEqual({
      credits: 3,
      grantAt: 'done',
    });

    await buildCreditRule(s.database, w.nodes.A, { theme: 'culture', creditsPerHour: '0', grantAt: 'sign_in' });
    const c = await buildActivity(s.database, { centre: w.nodes.A1a, theme: 'culture' });
    expect((await centre.req('GET', `/api/activities/${c.id}`)).json().signInCredits.credits).toBe(0);
  });
});
