import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildResidents } from '../../../test/activity-factories';
import { TEST_PASSWORD } from '../../../test/factories';
import { signIn, type Client } from '../../../test/server';
import { useWorldServer } from '../../../test/server-fixture';
import { buildTeacher } from '../../../test/teacher-factories';
import { buildCreditRule } from '../../../test/credit-factories';
import { creditLedger } from '../credits/credits.table';
import { storedFiles } from '../files/files.table';
import { signIns } from '../signin/signin.table';
import { activities, registrations } from './activities.table';

const { s, w, clients } = useWorldServer('a_centre_manager', 'a_town_admin');
const [centre, town] = clients;
const ids: Record<string, string> = {};

/** A time `days` from today at `hour`:00, China time, as the form sends it. */
function at(days: number, hour: number, minute = 0): string {
  const d = new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  return `${d}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`;
}

const base = () => ({
  title: '健康讲座',
  theme: 'health',
  form: 'lecture',
  hours: 2,
  credits: 1,
  capacity: 20,
  audience: '老年人',
});
const body = (v: Record<string, unknown> = {}) => ({
  ...base(),
  centreId: w.nodes.A1a.id,
  startsAt: at(10, 9),
  endsAt: at(10, 11),
  ...v,
});
const issue = (r: { json(): { error: { issues?: { path: string; message: string }[] } } }, path: string) =>
  r.json().error.issues?.find((i) => i.path === path)?.message ?? '';

beforeAll(async () => {
  const make = async (c: Client, key: string, v: Record<string, unknown>) => {
    const r = await c.req('POST', '/api/venues', v);
    expect(r.statusCode, r.body).toBe(201);
    ids[key] = r.json().id;
  };
  await make(centre, 'room', { kind: 'venue', nodeId: w.nodes.A1a.id, name: '村活动室', seats: 40 });
  await make(town, 'hall', { kind: 'venue', nodeId: w.nodes.A1.id, name: '镇礼堂', seats: 300 });
  await make(centre, 'speaker', { kind: 'equipment', nodeId: w.nodes.A1a.id, name: '音响' });
  await make(town, 'projector', { kind: 'equipment', nodeId: w.nodes.A1.id, name: '投影仪' });
  await make(town, 'otherRoom', { kind: 'venue', nodeId: w.nodes.A1b.id, name: '隔壁村活动室' });
  ids.teacher = (await buildTeacher(s.database, { bank: w.nodes.A1, name: '王医生' })).id;
  ids.teacher2 = (await buildTeacher(s.database, { bank: w.nodes.A1a, name: '李老师' })).id;
  ids.foreignTeacher = (await buildTeacher(s.database, { bank: w.nodes.A2, name: '外镇老师' })).id;
});

describe('booking', () => {
  it('books the centre’s and its town’s venue, equipment and teachers; the form’s options list them', async () => {
    const opts = await centre.req('GET', `/api/activity-options?centreId=${w.nodes.A1a.id}`);
    expect(opts.statusCode).toBe(200);
    expect(
      opts
        .json()
        .venues.map((v: { name: string }) => v.name)
        .sort(),
    ).toEqual(['村活动室', '镇礼堂']);
    expect(
      opts
        .json()
        .teachers.map((v: { name: string }) => v.name)
        .sort(),
    ).toEqual(['李老师', '王医生']);
    expect(opts.json().noticeDays).toBe(3);
    const r = await centre.req(
      'POST',
      '/api/activities',
      body({ venueId: ids.hall, equipmentIds: [ids.projector, ids.speaker], teacherIds: [ids.teacher] }),
    );
    expect(r.statusCode, r.body).toBe(201);
    ids.booked = r.json().id;
    const d = (await centre.req('GET', `/api/activities/${ids.booked}`)).json();
    expect(d).toMatchObject({ venueName: '镇礼堂', status: 'planned', capacity: 20, hours: 2, seriesId: null });
    expect(d.equipment.map((e: { name: string }) => e.name)).toEqual(['投影仪', '音响']);
    expect(d.teachers.map((e: { name: string }) => e.name)).toEqual(['王医生']);
  });

  it('refuses a venue, an item or a teacher already held at an overlapping time, naming the clash', async () => {
    const overlap = { startsAt: at(10, 10), endsAt: at(10, 12) };
    let r = await town.req('POST', '/api/activities', body({ ...overlap, title: '另一场', venueId: ids.hall }));
    expect(r.statusCode).toBe(400);
    expect(issue(r, 'venueId')).toContain('镇礼堂');
    expect(issue(r, 'venueId')).toContain('健康讲座');
    expect(issue(r, 'venueId')).toContain(`${at(10, 9).slice(0, 10)} 09:00–11:00`);
    r = await town.req(
      'POST',
      '/api/activities',
      body({ ...overlap, centreId: w.nodes.A1b.id, equipmentIds: [ids.projector] }),
    );
    expect(r.statusCode).toBe(400);
    expect(issue(r, 'equipmentIds')).toMatch(/投影仪.*健康讲座/);
    r = await centre.req('POST', '/api/activities', body({ ...overlap, teacherIds: [ids.teacher2, ids.teacher] }));
    expect(r.statusCode).toBe(400);
    expect(issue(r, 'teacherIds')).toMatch(/王医生.*健康讲座/);
    // Back to back is no clash; a cancelled activity frees its bookings.
    r = await centre.req(
      'POST',
      '/api/activities',
      body({
        startsAt: at(10, 11),
        endsAt: at(10, 12),
        venueId: ids.hall,
        equipmentIds: [ids.projector],
        teacherIds: [ids.teacher],
      }),
    );
    expect(r.statusCode, r.body).toBe(201);
    expect((await centre.req('POST', `/api/activities/${ids.booked}/cancel`, { reason: '场地维修' })).statusCode).toBe(
      200,
    );
    r = await centre.req(
      'POST',
      '/api/activities',
      body({
        startsAt: at(10, 9, 30),
        endsAt: at(10, 10, 30),
        title: '改期后',
        venueId: ids.hall,
        teacherIds: [ids.teacher],
      }),
    );
    expect(r.statusCode, r.body).toBe(201);
    expect(await s.database.db.select().from(activities).where(eq(activities.title, '另一场'))).toEqual([]);
  });

  it('simultaneous bookings of one venue, item and teacher at one time: exactly one wins', async () => {
    const slot = { startsAt: at(40, 9), endsAt: at(40, 11) };
    const runs = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? town : centre).req(
          'POST',
          '/api/activities',
          body({
            ...slot,
            title: `抢订${i}`,
            venueId: ids.room,
            equipmentIds: [ids.speaker],
            teacherIds: [ids.teacher2],
          }),
        ),
      ),
    );
    expect(runs.map((r) => r.statusCode).sort()).toEqual([201, 400, 400, 400, 400, 400]);
    for (const r of runs.filter((x) => x.statusCode === 400)) expect(issue(r, 'venueId')).toMatch(/村活动室.*抢订/);
  });

  it('lists what holds a venue or an item from today on', async () => {
    const hall = (await town.req('GET', `/api/venues/${ids.hall}/bookings?kind=venue`)).json().items;
    // The first booking was cancelled: it no longer holds the hall.
    expect(hall.map((b: { title: string }) => b.title)).toEqual(['改期后', '健康讲座']);
    const projector = await centre.req('GET', `/api/venues/${ids.projector}/bookings?kind=equipment`);
    expect(projector.statusCode).toBe(404);
    const speaker = (await centre.req('GET', `/api/venues/${ids.speaker}/bookings?kind=equipment`)).json().items;
    expect(speaker.map((b: { title: string }) => b.title)).toEqual([expect.stringMatching(/^抢订/)]);
  });

  it('refuses venues, equipment and teachers the centre may not book', async () => {
    expect(
      issue(
        await centre.req(
          'POST',
          '/api/activities',
          body({ startsAt: at(20, 9), endsAt: at(20, 10), venueId: ids.otherRoom }),
        ),
        'venueId',
      ),
    ).toMatch(/本中心或所属镇/);
    expect(
      issue(
        await centre.req(
          'POST',
          '/api/activities',
          body({ startsAt: at(20, 9), endsAt: at(20, 10), teacherIds: [ids.foreignTeacher] }),
        ),
        'teacherIds',
      ),
    ).toMatch(/师资库/);
    expect(issue(await centre.req('POST', '/api/activities', body({ theme: 'astrology' })), 'theme')).not.toBe('');
    expect(issue(await centre.req('POST', '/api/activities', body({ endsAt: at(10, 8) })), 'endsAt')).not.toBe('');
  });

  it('booking fewer than 3 days ahead asks for confirmation; the county may change the days', async () => {
    let r = await centre.req(
      'POST',
      '/api/activities',
      body({ title: '临时讲座', startsAt: at(1, 15), endsAt: at(1, 16) }),
    );
    expect(r.statusCode).toBe(400);
    expect(issue(r, 'confirmShortNotice')).toMatch(/不足 3 天/);
    r = await centre.req(
      'POST',
      '/api/activities',
      body({ title: '临时讲座', startsAt: at(1, 15), endsAt: at(1, 16), confirmShortNotice: true }),
    );
    expect(r.statusCode, r.body).toBe(201);
    // An activity entered afterwards (in the past) needs no confirmation.
    r = await centre.req('POST', '/api/activities', body({ title: '补录', startsAt: at(-3, 9), endsAt: at(-3, 10) }));
    expect(r.statusCode, r.body).toBe(201);
    const county = await signIn(s.app, 'a_county_admin', TEST_PASSWORD);
    expect((await town.req('PUT', `/api/activity-rules/${w.nodes.A.id}`, { noticeDays: 0 })).statusCode).toBe(403);
    expect((await county.req('PUT', `/api/activity-rules/${w.nodes.A.id}`, { noticeDays: 0 })).statusCode).toBe(200);
    expect((await centre.req('GET', '/api/activity-rules')).json().items).toEqual([
      { countyId: w.nodes.A.id, countyName: '县A', noticeDays: 0, canSet: false },
    ]);
    r = await centre.req(
      'POST',
      '/api/activities',
      body({ title: '临时讲座二', startsAt: at(1, 17), endsAt: at(1, 18) }),
    );
    expect(r.statusCode, r.body).toBe(201);
    await county.req('PUT', `/api/activity-rules/${w.nodes.A.id}`, { noticeDays: 3 });
  });
});

describe('series', () => {
  it('every Tuesday-like weekday for 8 weeks gives 8 activities sharing a series; edit and cancel the rest of the series', async () => {
    const r = await centre.req(
      'POST',
      '/api/activities',
      body({ title: '太极拳班', startsAt: at(30, 19), endsAt: at(30, 20, 30), venueId: ids.room, repeatWeeks: 8 }),
    );
    expect(r.statusCode, r.body).toBe(201);
    const series: string[] = r.json().ids;
    expect(series).toHaveLength(8);
    const rows = await s.database.db
      .select()
      .from(activities)
      .where(
        eq(
          activities.seriesId,
          (await s.database.db.select().from(activities).where(eq(activities.id, series[0])))[0].seriesId!,
        ),
      );
    expect(rows).toHaveLength(8);
    const starts = rows.map((x) => x.startsAt.getTime()).sort();
    for (let k = 1; k < 8; k++) expect(starts[k] - starts[k - 1]).toBe(7 * 86_400_000);

    // Move sessions 3–8 one hour later and rename them; 1–2 stay.
    const third = (await centre.req('GET', `/api/activities/${series[2]}`)).json();
    const e = await centre.req('PUT', `/api/activities/${series[2]}`, {
      ...base(),
      title: '太极拳班（晚场）',
      startsAt: at(44, 20),
      endsAt: at(44, 21, 30),
      venueId: ids.room,
      scope: 'following',
    });
    expect(e.statusCode, e.body).toBe(200);
    expect(e.json().ids).toHaveLength(6);
    const after = await Promise.all(
      series.map(async (id) => (await centre.req('GET', `/api/activities/${id}`)).json()),
    );
    expect(after.map((a) => a.title)).toEqual(['太极拳班', '太极拳班', ...Array(6).fill('太极拳班（晚场）')]);
    expect(new Date(after[2].startsAt).getTime() - new Date(third.startsAt).getTime()).toBe(3_600_000);
    expect(new Date(after[7].startsAt).getTime() - new Date(after[2].startsAt).getTime()).toBe(5 * 7 * 86_400_000);
    expect(after[0].series).toHaveLength(8);

    const c = await centre.req('POST', `/api/activities/${series[5]}/cancel`, {
      reason: '场地另有安排',
      scope: 'following',
    });
    expect(c.json().ids).toHaveLength(3);
    const st = await Promise.all(
      series.map(async (id) => (await centre.req('GET', `/api/activities/${id}`)).json().status),
    );
    expect(st).toEqual(['planned', 'planned', 'planned', 'planned', 'planned', 'cancelled', 'cancelled', 'cancelled']);
  });

  it('a clash in any session refuses the whole series', async () => {
    const one = await centre.req(
      'POST',
      '/api/activities',
      body({ title: '占位', startsAt: at(63, 9), endsAt: at(63, 10), venueId: ids.room }),
    );
    expect(one.statusCode).toBe(201);
    const r = await centre.req(
      'POST',
      '/api/activities',
      body({ title: '书法班', startsAt: at(49, 9), endsAt: at(49, 10), venueId: ids.room, repeatWeeks: 4 }),
    );
    expect(r.statusCode).toBe(400);
    expect(issue(r, 'venueId')).toContain('占位');
    expect(await s.database.db.select().from(activities).where(eq(activities.title, '书法班'))).toEqual([]);
  });
});

describe('status, registrations and records', () => {
  it('planned → open → done; cancelled with a reason tells the registrants; wrong moves are refused', async () => {
    const a = (
      await centre.req(
        'POST',
        '/api/activities',
        body({ title: '反诈宣传', startsAt: at(12, 9), endsAt: at(12, 10), capacity: 2 }),
      )
    ).json().id;
    const people = await buildResidents(s.database, w.nodes.A1a, 4, '反诈');
    expect((await centre.req('POST', `/api/activities/${a}/registrations`, { residentId: people[0] })).statusCode).toBe(
      409,
    );
    expect((await centre.req('POST', `/api/activities/${a}/status`, { status: 'open' })).statusCode).toBe(200);
    expect((await centre.req('POST', `/api/activities/${a}/status`, { status: 'open' })).statusCode).toBe(409);
    const st = [];
    for (const p of people)
      st.push((await centre.req('POST', `/api/activities/${a}/registrations`, { residentId: p })).json().status);
    expect(st).toEqual(['registered', 'registered', 'waitlisted', 'waitlisted']);
    // Cancelling a place promotes the first waiting; raising the capacity promotes the next.
    expect((await centre.req('POST', `/api/activities/${a}/registrations/${people[0]}/cancel`)).statusCode).toBe(200);
    let list = (await centre.req('GET', `/api/activities/${a}/registrations`)).json().items;
    expect(list.map((x: { residentName: string; status: string }) => `${x.residentName}:${x.status}`)).toEqual([
      '反诈2:registered',
      '反诈3:registered',
      '反诈4:waitlisted',
      '反诈1:cancelled',
    ]);
    const d = (await centre.req('GET', `/api/activities/${a}`)).json();
    const e = await centre.req('PUT', `/api/activities/${a}`, {
      ...base(),
      title: d.title,
      startsAt: at(12, 14),
      endsAt: at(12, 15),
      capacity: 3,
    });
    expect(e.statusCode, e.body).toBe(200);
    const moved = await s.database.db
      .select({ notice: registrations.notice })
      .from(registrations)
      .where(eq(registrations.residentId, people[1]));
    expect(moved[0].notice).toBe(`活动时间已调整为 ${at(12, 14).slice(0, 10)} 14:00`);
    list = (await centre.req('GET', `/api/activities/${a}/registrations`)).json().items;
    expect(list.filter((x: { status: string }) => x.status === 'registered')).toHaveLength(3);
    expect(
      (
        await centre.req('PUT', `/api/activities/${a}`, {
          ...base(),
          title: d.title,
          startsAt: d.startsAt,
          endsAt: d.endsAt,
          capacity: 1,
        })
      ).statusCode,
    ).toBe(400);
    expect((await centre.req('POST', `/api/activities/${a}/status`, { status: 'done' })).statusCode).toBe(409);

    expect((await centre.req('POST', `/api/activities/${a}/cancel`, { reason: '台风预警' })).statusCode).toBe(200);
    const regs = await s.database.db.select().from(registrations).where(eq(registrations.activityId, a));
    expect(regs.filter((x) => x.status !== 'cancelled')).toEqual([]);
    expect(regs.filter((x) => x.notice === '活动已取消：台风预警')).toHaveLength(3);
    expect((await centre.req('POST', `/api/activities/${a}/status`, { status: 'open' })).statusCode).toBe(409);
    expect(
      (await centre.req('PUT', `/api/activities/${a}`, { ...base(), startsAt: d.startsAt, endsAt: d.endsAt }))
        .statusCode,
    ).toBe(409);
    const again = (await centre.req('POST', `/api/activities/${a}/cancel`, { reason: '再取消' })).json();
    expect(again.error).toMatchObject({ code: 'CONFLICT' });
    expect(again.error.message).toContain('已完成或已取消的活动不能取消');
    expect(again.error.messageEn).toContain('a done or cancelled activity cannot be cancelled');
    expect((await centre.req('GET', `/api/activities/${a}`)).json()).toMatchObject({
      status: 'cancelled',
      cancelReason: '台风预警',
    });
  });

  it('a past activity is marked done; records and photos are kept', async () => {
    const a = (
      await centre.req(
        'POST',
        '/api/activities',
        body({ title: '垃圾分类讲座', startsAt: at(-2, 9), endsAt: at(-2, 10) }),
      )
    ).json().id;
    expect((await centre.req('POST', `/api/activities/${a}/status`, { status: 'done' })).statusCode).toBe(200);
    expect((await centre.req('GET', `/api/activities/${a}`)).json().status).toBe('done');
    const rec = {
      newsTitle: '东村开展垃圾分类讲座',
      newsBody: '11月20日上午……',
      lectureNotes: '一、分类标准',
      summary: '到场 32 人',
    };
    expect((await centre.req('PUT', `/api/activities/${a}/records`, rec)).statusCode).toBe(200);
    const [file] = await s.database.db
      .insert(storedFiles)
      .values({
        nodeId: w.nodes.A1a.id,
        purpose: 'activity_photo',
        originalName: 'a.jpg',
        mime: 'image/jpeg',
        size: 10,
        sha256: 'x',
        storageKey: crypto.randomUUID(),
        thumbnailKey: crypto.randomUUID(),
      })
      .returning();
    const [foreign] = await s.database.db
      .insert(storedFiles)
      .values({
        nodeId: w.nodes.A1b.id,
        purpose: 'activity_photo',
        originalName: 'b.jpg',
        mime: 'image/jpeg',
        size: 10,
        sha256: 'x',
        storageKey: crypto.randomUUID(),
      })
      .returning();
    expect(
      (await centre.req('POST', `/api/activities/${a}/photos`, { fileId: file.id, caption: '现场' })).statusCode,
    ).toBe(200);
    expect((await centre.req('POST', `/api/activities/${a}/photos`, { fileId: foreign.id })).statusCode).toBe(400);
    const teacher = await signIn(s.app, 'a_teacher', TEST_PASSWORD);
    const got = (await teacher.req('GET', `/api/activities/${a}/records`)).json();
    expect(got).toMatchObject(rec);
    expect(got.photos).toEqual([
      {
        fileId: file.id,
        caption: '现场',
        url: `/api/files/${file.id}`,
        thumbnailUrl: `/api/files/${file.id}/thumbnail`,
      },
    ]);
    expect((await teacher.req('PUT', `/api/activities/${a}/records`, rec)).statusCode).toBe(403);
    expect((await centre.req('DELETE', `/api/activities/${a}/photos/${file.id}`)).statusCode).toBe(200);
    expect((await centre.req('GET', `/api/activities/${a}/records`)).json().photos).toEqual([]);
  });
});

describe('credits when done', () => {
  it('marking done pays each confirmed sign-in by the theme’s rule, once', async () => {
    await buildCreditRule(s.database, w.nodes.A, { theme: 'elderly', creditsPerHour: '2.0', grantAt: 'done' });
    const a = (
      await centre.req(
        'POST',
        '/api/activities',
        body({ title: '老年保健操', theme: 'elderly', hours: 1.5, startsAt: at(-1, 9), endsAt: at(-1, 10, 30) }),
      )
    ).json().id;
    const people = await buildResidents(s.database, w.nodes.A1a, 3, '保健');
    await s.database.db.insert(signIns).values([
      { activityId: a, residentId: people[0], method: 'manual' },
      { activityId: a, residentId: people[1], method: 'manual' },
      {
        activityId: a,
        residentId: null,
        status: 'pending',
        method: 'qr',
        pendingName: '陌生人',
        pendingPhone: '13900000000',
      },
    ]);
    expect((await centre.req('GET', `/api/activities/${a}`)).json().signIns).toEqual({ confirmed: 2, pending: 1 });
    expect((await centre.req('POST', `/api/activities/${a}/status`, { status: 'done' })).statusCode).toBe(200);
    const paid = await s.database.db
      .select({ residentId: creditLedger.residentId, amount: creditLedger.amount })
      .from(creditLedger)
      .where(eq(creditLedger.note, '老年保健操'));
    expect(paid.map((p) => [p.residentId, Number(p.amount)]).sort()).toEqual(
      [
        [people[0], 3],
        [people[1], 3],
      ].sort(),
    );
    expect((await centre.req('POST', `/api/activities/${a}/status`, { status: 'done' })).statusCode).toBe(409);
    expect(await s.database.db.select().from(creditLedger).where(eq(creditLedger.note, '老年保健操'))).toHaveLength(2);
  });
});

describe('scope', () => {
  it('a centre manager works only in their centre; lists show only what one reaches', async () => {
    expect((await centre.req('POST', '/api/activities', body({ centreId: w.nodes.A1b.id }))).statusCode).toBe(404);
    const teacher = await signIn(s.app, 'a_teacher', TEST_PASSWORD);
    expect((await teacher.req('POST', '/api/activities', body())).statusCode).toBe(403);
    const b = await town.req(
      'POST',
      '/api/activities',
      body({ centreId: w.nodes.A1b.id, title: '隔壁村活动', startsAt: at(15, 9), endsAt: at(15, 10) }),
    );
    expect(b.statusCode, b.body).toBe(201);
    const mine = (await centre.req('GET', '/api/activities?pageSize=200')).json().items;
    expect(mine.length).toBeGreaterThan(3);
    expect(mine.every((a: { centreId: string }) => a.centreId === w.nodes.A1a.id)).toBe(true);
    expect((await centre.req('GET', `/api/activities/${b.json().id}`)).statusCode).toBe(404);
    const month = at(15, 9).slice(0, 7);
    const inMonth = (await town.req('GET', `/api/activities?month=${month}&centreId=${w.nodes.A1b.id}`)).json().items;
    expect(inMonth.map((a: { title: string }) => a.title)).toEqual(['隔壁村活动']);
    expect((await centre.req('GET', `/api/activities?centreId=${w.nodes.A1b.id}`)).statusCode).toBe(404);
    expect(
      (await centre.req('POST', '/api/venues', { kind: 'venue', nodeId: w.nodes.A1.id, name: '越权' })).statusCode,
    ).toBe(404);
  });
});
