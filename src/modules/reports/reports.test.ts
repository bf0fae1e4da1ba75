import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, sql } from 'drizzle-orm';
import { buildActivity, buildResidents } from '../../../test/activity-factories';
import type { Client } from '../../../test/server';
import { useWorldServer } from '../../../test/server-fixture';
import { toAppError } from '../../server/errors';
import { collectWaiting } from '../../server/waiting';
import type { Actor } from '../../shared/actor';
import type { Role } from '../../shared/roles';
import './index';
import { auditLog } from '../../server/db/audit.table';
import { nextMonth, prevMonth, thisMonth } from './report-calendar';
import { monthKey, type Overview, type Report } from './reports.contract';
import { monthlyReports } from './reports.table';

const {
  s,
  w,
  clients: [centre, town, county, otherTown],
} = useWorldServer('a_centre_manager', 'a_town_admin', 'a_county_admin', 'b_town_admin');

// A past month whose lock day has long passed, and the current month (never locked yet).
const PAST = prevMonth(prevMonth(prevMonth(thisMonth())));
const NOW = thisMonth();
// A month before the start month the county sets (PAST).
const BEFORE = prevMonth(PAST);
const SETTINGS = (county: string) => `/api/report-settings/${county}`;
const actorOf = (key: string, role: Role, node: { id: string; path: string }): Actor => ({
  userId: w.users[key].id,
  username: w.users[key].username,
  displayName: key,
  scopes: [{ role, nodeId: node.id, nodeName: '', path: node.path }],
});
const waitingKeys = async (actor: Actor) =>
  (await collectWaiting({ db: s.database.db, actor })).filter((i) => i.key.startsWith('reports.'));
/** The months of `month`'s year from `from` to this month: what a node's year table lists. */
const monthsFrom = (month: number, from: number) =>
  Array.from({ length: 12 }, (_, i) => Math.floor(month / 100) * 100 + i + 1)
    .filter((m) => m >= from && m <= NOW)
    .map(monthKey);
const day = (month: number, d: number) => new Date(Date.UTC(Math.floor(month / 100), (month % 100) - 1, d, 2));

let a: string[];
let b: string[];
const acts: Record<string, string> = {};
const signIn = (act: string, r: string) =>
  s.database.db.execute(
    sql`insert into sign_ins (activity_id, resident_id, status, method) values (${act}, ${r}, 'confirmed', 'manual')`,
  );

beforeAll(async () => {
  a = await buildResidents(s.database, w.nodes.A1a, 4, '月报甲');
  b = await buildResidents(s.database, w.nodes.A1b, 2, '月报乙');
  await s.database.db.execute(sql`insert into resident_tags (resident_id, tag) values (${a[0]}, 'elderly')`);
  for (const [m, tag] of [
    [PAST, 'past'],
    [NOW, 'now'],
  ] as const) {
    const at = (d: number) => ({ startsAt: day(m, d), endsAt: new Date(day(m, d).getTime() + 2 * 3_600_000) });
    acts[`${tag}a1`] = (await buildActivity(s.database, { centre: w.nodes.A1a, ...at(1) })).id;
    acts[`${tag}a2`] = (await buildActivity(s.database, { centre: w.nodes.A1a, theme: 'culture', ...at(2) })).id;
    acts[`${tag}b1`] = (await buildActivity(s.database, { centre: w.nodes.A1b, ...at(2) })).id;
    acts[`${tag}t1`] = (await buildActivity(s.database, { centre: w.nodes.A1, ...at(3) })).id;
    // a1–a3 at both of village a's activities; a1 also in village b and at the town's own; b1 in b.
    for (const r of a.slice(0, 3)) for (const act of [acts[`${tag}a1`], acts[`${tag}a2`]]) await signIn(act, r);
    for (const r of [a[0], b[0]]) await signIn(acts[`${tag}b1`], r);
    await signIn(acts[`${tag}t1`], a[0]);
  }
  await s.database.db.execute(
    sql`insert into activity_records (activity_id, news_title, news_body) values (${acts.pasta1}, '新闻', '正文')`,
  );
  const [y, mo] = [Math.floor(PAST / 100), PAST % 100];
  for (const title of ['计划一', '计划二', '计划三'])
    await s.database.db.execute(
      sql`insert into plan_items (county_id, centre_id, year, month, title, theme)
          values (${w.nodes.A.id}, ${w.nodes.A1a.id}, ${y}, ${mo}, ${title}, 'health')`,
    );
});

const ok = async (p: ReturnType<Client['req']>) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const get = (c: Client, node: string, m: number): Promise<Report> =>
  ok(c.req('GET', `/api/monthly-reports/${node}/${monthKey(m)}`));
const overview = (c: Client, node: string, m: number): Promise<Overview> =>
  ok(c.req('GET', `/api/monthly-reports?nodeId=${node}&month=${monthKey(m)}`));
const url = (node: string, m: number, tail = '') => `/api/monthly-reports/${node}/${monthKey(m)}${tail}`;

describe('monthly reports', () => {
  it('the start month: before it a month without a report is not required, not in a rate, not due', async () => {
    const centreActor = actorOf('A:centre_manager', 'centre_manager', w.nodes.A1a);
    // No start month set and no report in the county: the start is last month, the report due now.
    const last = prevMonth(NOW);
    expect(await ok(county.req('GET', SETTINGS(w.nodes.A.id)))).toMatchObject({
      startMonth: null,
      start: monthKey(last),
    });
    let t = await overview(town, w.nodes.A1.id, PAST);
    expect(t.children.map((c) => c.timing)).toEqual(['not_required', 'not_required']);
    expect(t.rate).toEqual({ total: 0, on_time: 0, late: 0, missing: 0, pending: 0, not_required: 2 });
    expect((await overview(town, w.nodes.A1.id, last)).children.map((c) => c.timing)).not.toContain('not_required');
    expect((await overview(centre, w.nodes.A1a.id, NOW)).year.map((b) => b.month)).toEqual(monthsFrom(NOW, last));
    expect((await waitingKeys(centreActor)).map((i) => i.key)).toEqual(['reports.due']);

    // The county sets PAST: before it, not required; from it, missing as before. Bad months refused.
    const body = { deadlineDay: 5, lockDay: 10 };
    for (const bad of ['1999-12', monthKey(nextMonth(nextMonth(NOW))), '2026-13']) {
      const r = await county.req('PUT', SETTINGS(w.nodes.A.id), { ...body, startMonth: bad });
      expect(r.statusCode, bad).toBe(400);
    }
    // Starting next month: last month is not required, nothing is due.
    await ok(county.req('PUT', SETTINGS(w.nodes.A.id), { ...body, startMonth: monthKey(nextMonth(NOW)) }));
    expect(await waitingKeys(centreActor)).toEqual([]);
    expect((await get(centre, w.nodes.A1a.id, last)).timing).toBe('not_required');
    await ok(county.req('PUT', SETTINGS(w.nodes.A.id), { ...body, startMonth: monthKey(PAST) }));
    expect(await ok(town.req('GET', SETTINGS(w.nodes.A.id)))).toMatchObject({
      startMonth: monthKey(PAST),
      start: monthKey(PAST),
    });
    const [audited] = await s.database.db
      .select({ summary: auditLog.summary })
      .from(auditLog)
      .where(eq(auditLog.action, 'report.settings'))
      .orderBy(desc(auditLog.at))
      .limit(1);
    expect(audited.summary).toMatchObject({
      from: { startMonth: monthKey(nextMonth(NOW)) },
      to: { startMonth: monthKey(PAST) },
    });
    t = await overview(town, w.nodes.A1.id, BEFORE);
    expect(t.children.map((c) => c.timing)).toEqual(['not_required', 'not_required']);
    expect(t.rate).toMatchObject({ total: 0, missing: 0, not_required: 2 });
    t = await overview(town, w.nodes.A1.id, PAST);
    expect(t.children.map((c) => c.timing)).toEqual(['missing', 'missing']);
    expect(t.rate).toMatchObject({ total: 2, missing: 2, not_required: 0 });
    expect((await get(centre, w.nodes.A1a.id, BEFORE)).timing).toBe('not_required');
    // The year table lists the months from the start on.
    expect((await overview(centre, w.nodes.A1a.id, PAST)).year.map((b) => b.month)).toEqual(monthsFrom(PAST, PAST));
    expect((await waitingKeys(centreActor)).map((i) => [i.key, i.count])).toEqual([['reports.due', 1]]);

    // A report that exists before the start is judged as any other (a draft: missing), and listed.
    await s.database.db.insert(monthlyReports).values({
      countyId: w.nodes.A.id,
      nodeId: w.nodes.A1a.id,
      month: BEFORE,
      body: '补报',
    });
    expect((await get(centre, w.nodes.A1a.id, BEFORE)).timing).toBe('missing');
    expect((await overview(town, w.nodes.A1.id, BEFORE)).rate).toMatchObject({ total: 1, missing: 1, not_required: 1 });
    expect((await overview(centre, w.nodes.A1a.id, BEFORE)).year.map((b) => b.month)).toEqual(
      monthsFrom(BEFORE, BEFORE),
    );
    await s.database.db
      .delete(monthlyReports)
      .where(and(eq(monthlyReports.nodeId, w.nodes.A1a.id), eq(monthlyReports.month, BEFORE)));
  });

  it('a centre’s report is pre-filled from its records', async () => {
    const r = await get(centre, w.nodes.A1a.id, PAST);
    expect(r.status).toBeNull();
    expect(r.live).toMatchObject({
      activities: 2,
      sessions: 2,
      participants: 3,
      personTimes: 6,
      hours: 12,
      planned: 3,
      news: 1,
      photos: 0,
      included: [],
    });
    expect(r.live.byTheme.map((t) => [t.theme, t.sessions, t.personTimes])).toEqual([
      ['culture', 1, 3],
      ['health', 1, 3],
    ]);
    expect(r.live.groups).toEqual([{ tag: 'elderly', label: expect.any(String), residents: 1 }]);
    expect(r.can).toEqual({ write: true, review: false });
    expect(r.timing).toBe('missing');
  });

  it('another town’s staff get 404; a reader who does not write is refused', async () => {
    expect((await otherTown.req('GET', url(w.nodes.A1a.id, PAST))).statusCode).toBe(404);
    expect((await otherTown.req('POST', url(w.nodes.A1a.id, PAST, '/submit'), { body: 'x' })).statusCode).toBe(404);
    expect((await town.req('POST', url(w.nodes.A1a.id, PAST, '/submit'), { body: 'x' })).statusCode).toBe(403);
    expect((await centre.req('POST', url(w.nodes.A1a.id, PAST, '/review'), { decision: 'accept' })).statusCode).toBe(
      403,
    );
  });

  it('submit, return with a comment, resubmit, accept; late after the deadline; audited', async () => {
    const node = w.nodes.A1a.id;
    await ok(centre.req('PUT', url(node, PAST), { body: '草稿' }));
    await ok(centre.req('POST', url(node, PAST, '/submit'), { body: '本月开展活动两场。' }));
    let r = await get(town, node, PAST);
    expect(r).toMatchObject({ status: 'submitted', late: true, timing: 'late', resubmissions: 0, changedSignIns: 0 });
    expect(r.frozen).toEqual(r.live);
    expect(r.can).toEqual({ write: false, review: true });
    // Editing a submitted report is refused; returning needs a comment.
    expect((await centre.req('PUT', url(node, PAST), { body: '改' })).statusCode).toBe(409);
    expect((await town.req('POST', url(node, PAST, '/review'), { decision: 'return' })).statusCode).toBe(400);
    await ok(town.req('POST', url(node, PAST, '/review'), { decision: 'return', comment: '请补充照片' }));
    r = await get(centre, node, PAST);
    expect(r).toMatchObject({ status: 'returned', reviewComment: '请补充照片' });
    await ok(centre.req('POST', url(node, PAST, '/submit'), { body: '已补充。' }));
    await ok(town.req('POST', url(node, PAST, '/review'), { decision: 'accept' }));
    r = await get(centre, node, PAST);
    expect(r).toMatchObject({ status: 'accepted', resubmissions: 1, late: true, body: '已补充。' });
    const actions = (
      await s.database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.entityType, 'monthly_report'))
    ).map((x) => x.action);
    expect(actions).toEqual(['report.save', 'report.submit', 'report.return', 'report.resubmit', 'report.accept']);
  });

  // PostgreSQL only: a row lock held by a third session lets both reviews read "submitted" before
  // either writes (PGlite has one session: the requests run one after the other).
  it.runIf(!!process.env.DATABASE_URL)(
    'two reviews at once: one decides, the other is refused and writes nothing',
    async () => {
      // Centre A1a's report of a month no other test uses (after PAST: the start stays PAST).
      const node = w.nodes.A1a.id;
      const month = nextMonth(PAST);
      await ok(centre.req('POST', url(node, month, '/submit'), { body: '两人同时审核' }));
      let first!: Promise<unknown>;
      let second!: Promise<unknown>;
      await s.database.db.transaction(async (tx) => {
        await tx.execute(sql`select 1 from monthly_reports where node_id = ${node} and month = ${month} for update`);
        first = town.req('POST', url(node, month, '/review'), { decision: 'accept' });
        second = town.req('POST', url(node, month, '/review'), { decision: 'accept' });
        await new Promise((r) => setTimeout(r, 600));
      });
      const codes = (await Promise.all([first, second])).map((x) => (x as { statusCode: number }).statusCode).sort();
      expect(codes).toEqual([200, 409]);
      const reviews = await s.database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .innerJoin(monthlyReports, sql`${auditLog.entityId} = ${monthlyReports.id}::text`)
        .where(
          and(eq(monthlyReports.nodeId, node), eq(monthlyReports.month, month), eq(auditLog.action, 'report.accept')),
        );
      expect(reviews).toHaveLength(1);
    },
  );

  it('the town’s report adds its accepted centres and its own activities, distinct residents counted once', async () => {
    // Village b is not accepted yet: the town counts only village a and itself.
    let r = await get(town, w.nodes.A1.id, PAST);
    expect(r.live.included.map((c) => c.id)).toEqual([w.nodes.A1a.id]);
    expect(r.live).toMatchObject({ sessions: 3, participants: 3, personTimes: 7 });
    await s.database.db.execute(
      sql`insert into monthly_reports (county_id, node_id, month, status, first_submitted_at, submitted_at, late)
          values (${w.nodes.A.id}, ${w.nodes.A1b.id}, ${PAST}, 'accepted', now(), now(), true)`,
    );
    r = await get(town, w.nodes.A1.id, PAST);
    // a1–a3 and b1: four people, though village a had 3 and village b 2 (a1 in both) and a1 at the town.
    expect(r.live).toMatchObject({ sessions: 4, participants: 4, personTimes: 9 });
    expect(r.live.included).toHaveLength(2);
    await ok(town.req('POST', url(w.nodes.A1.id, PAST, '/submit'), { body: '镇月报' }));
    // The county reviews the town; the town cannot review itself.
    expect((await town.req('POST', url(w.nodes.A1.id, PAST, '/review'), { decision: 'accept' })).statusCode).toBe(403);
    await ok(county.req('POST', url(w.nodes.A1.id, PAST, '/review'), { decision: 'accept' }));
  });

  it('after the lock day a submitted month refuses sign-ins; the town unlocks with a reason and relocks', async () => {
    const err = await signIn(acts.pasta1, a[3]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(toAppError(err).code).toBe('MONTH_LOCKED');
    // Activities of the month are locked too (marking one done is not a change the report counts).
    await expect(
      s.database.db.execute(sql`update activities set hours = 3 where id = ${acts.pasta1}`),
    ).rejects.toThrow();
    expect((await get(town, w.nodes.A1a.id, PAST)).locked).toBe(true);
    expect((await town.req('POST', url(w.nodes.A1a.id, PAST, '/lock'), { unlock: true })).statusCode).toBe(400);
    await ok(town.req('POST', url(w.nodes.A1a.id, PAST, '/lock'), { unlock: true, reason: '补录纸质签到' }));
    await signIn(acts.pasta1, a[3]);
    const r = await get(centre, w.nodes.A1a.id, PAST);
    expect(r).toMatchObject({ locked: false, unlocked: true, unlockReason: '补录纸质签到', changedSignIns: 1 });
    expect(r.live.personTimes - r.frozen!.personTimes).toBe(1);
    await ok(town.req('POST', url(w.nodes.A1a.id, PAST, '/lock'), { unlock: false }));
    await expect(signIn(acts.pasta2, a[3])).rejects.toThrow();
    const audited = await s.database.db
      .select({ action: auditLog.action, summary: auditLog.summary })
      .from(auditLog)
      .where(eq(auditLog.action, 'report.unlock'));
    expect(audited).toHaveLength(1);
  });

  it('submission freezes the figures; later sign-ins are counted as changes and resubmission refreshes them', async () => {
    const node = w.nodes.A1a.id;
    await ok(centre.req('POST', url(node, NOW, '/submit'), { body: '本月' }));
    let r = await get(centre, node, NOW);
    expect(r).toMatchObject({ status: 'submitted', timing: 'on_time', late: false, changedSignIns: 0, locked: false });
    await signIn(acts.nowa1, a[3]);
    await signIn(acts.nowa2, a[3]);
    await s.database.db.execute(
      sql`update sign_ins set status = 'rejected' where activity_id = ${acts.nowa1} and resident_id = ${a[0]}`,
    );
    r = await get(centre, node, NOW);
    expect(r.changedSignIns).toBe(3);
    expect(r.frozen!.personTimes).toBe(6);
    expect(r.live.personTimes).toBe(7);
    await ok(centre.req('POST', url(node, NOW, '/submit'), { body: '本月（更新）' }));
    r = await get(centre, node, NOW);
    expect(r).toMatchObject({ changedSignIns: 0, resubmissions: 1 });
    expect(r.frozen!.personTimes).toBe(7);
  });

  it('reporting rate: on time, late, missing per town and for the county', async () => {
    const t = await overview(town, w.nodes.A1.id, NOW);
    expect(t.children.map((c) => [c.node.id, c.timing])).toEqual([
      [w.nodes.A1a.id, 'on_time'],
      [w.nodes.A1b.id, 'pending'],
    ]);
    expect(t.rate).toMatchObject({ total: 2, on_time: 1, pending: 1 });
    const c = await overview(county, w.nodes.A.id, PAST);
    expect(c.own).toBeNull();
    expect(c.children.map((x) => [x.node.name, x.timing, x.status])).toEqual([
      ['县A镇1', 'late', 'accepted'],
      ['县A镇2', 'missing', null],
    ]);
    expect(c.rate).toMatchObject({ total: 2, late: 1, missing: 1, on_time: 0 });
    expect(c.children[0].rate).toMatchObject({ total: 2, late: 2 });
    expect(c.children[1].rate).toMatchObject({ total: 2, missing: 2 });
    expect(c.centresRate).toEqual({ total: 4, on_time: 0, late: 2, missing: 2, pending: 0, not_required: 0 });
    expect(
      (await otherTown.req('GET', `/api/monthly-reports?nodeId=${w.nodes.A.id}&month=${monthKey(NOW)}`)).statusCode,
    ).toBe(404);
  });

  it('the annual summary and the exports', async () => {
    const year = Math.floor(PAST / 100);
    const sm = await ok(centre.req('GET', `/api/annual-summaries/${w.nodes.A1a.id}/${year}`));
    expect(sm.live.participants).toBeGreaterThanOrEqual(4);
    await ok(centre.req('PUT', `/api/annual-summaries/${w.nodes.A1a.id}/${year}`, { body: '全年总结', submit: true }));
    const after = await ok(centre.req('GET', `/api/annual-summaries/${w.nodes.A1a.id}/${year}`));
    expect(after).toMatchObject({ status: 'submitted', body: '全年总结' });
    expect(after.frozen).toEqual(after.live);
    // Excel: the title, the frozen figures (as submitted), the text.
    const xlsx = await town.req('GET', url(w.nodes.A1a.id, PAST, '/export?format=xlsx'));
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells = new Map<string, unknown>();
    wb.worksheets[0].eachRow((row) => cells.set(String(row.getCell(1).value), row.getCell(2).value));
    expect([...cells.keys()][0]).toMatch(/县A镇1村a.*月社区教育工作月报/);
    expect(cells.get('参与人数（去重）')).toBe(3);
    expect([...cells.keys()]).toContain('已补充。');
    // Word: East Asian font on every run, the table's column widths.
    const docx = await centre.req('GET', `/api/annual-summaries/${w.nodes.A1a.id}/${year}/export?format=docx`);
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('w:eastAsia="SimSun"');
    expect(xml).toMatch(/<w:gridCol w:w="3200"\/>/);
    expect(xml).toContain('全年总结');
    expect(docx.headers['content-disposition']).toContain('.docx');
  });

  it('the county sets its deadline and lock days and clears its start month; a town cannot', async () => {
    const path = SETTINGS(w.nodes.A.id);
    const start = monthKey(PAST);
    expect(await ok(county.req('GET', path))).toEqual({
      deadlineDay: 5,
      lockDay: 10,
      startMonth: start,
      start,
      canEdit: true,
    });
    expect((await county.req('PUT', path, { deadlineDay: 8, lockDay: 6, startMonth: null })).statusCode).toBe(400);
    // Cleared, the start is the month of the county's first report (PAST, the earliest there is).
    await ok(county.req('PUT', path, { deadlineDay: 6, lockDay: 12, startMonth: null }));
    expect((await town.req('PUT', path, { deadlineDay: 1, lockDay: 2, startMonth: '2001-01' })).statusCode).toBe(403);
    expect(await ok(town.req('GET', path))).toEqual({
      deadlineDay: 6,
      lockDay: 12,
      startMonth: null,
      start,
      canEdit: false,
    });
  });

  it('the workbench: last month’s report due, a returned report, reports awaiting review', async () => {
    const keys = waitingKeys;
    const centreActor = actorOf('A:centre_manager', 'centre_manager', w.nodes.A1a);
    const townActor = actorOf('A:town_admin', 'town_admin', w.nodes.A1);
    const last = prevMonth(NOW);
    expect(await keys(centreActor)).toEqual([
      {
        key: 'reports.due',
        count: 1,
        path: `/reports?node=${w.nodes.A1a.id}&month=${monthKey(last)}`,
        due: expect.any(String),
      },
    ]);
    // The centre's current month waits for the town's review.
    expect((await keys(townActor)).map((i) => [i.key, i.count])).toEqual([
      ['reports.due', 1],
      ['reports.review', 1],
    ]);
    await ok(town.req('POST', url(w.nodes.A1a.id, NOW, '/review'), { decision: 'return', comment: '数据有误' }));
    expect((await keys(centreActor)).map((i) => [i.key, i.count])).toEqual([
      ['reports.due', 1],
      ['reports.returned', 1],
    ]);
    expect((await keys(townActor)).map((i) => i.key)).toEqual(['reports.due']);
  });
});
