import { sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../server/audit';
import type { DbOrTx } from '../../server/db/client';
import { sqlRows } from '../../server/db/sql';
import { escapeLike, loadNodeFor } from '../../server/tree-scope';
import type { Ctx } from '../../server/types';
import { holdsRoleOver, type Actor } from '../../shared/actor';
import { fieldError } from '../../shared/app-error';
import { CHINA_OFFSET, formatDateTime } from '../../shared/china-time';
import { RESIDENT_ROLES, SENSITIVE_ROLES } from '../../shared/roles';
import { ensureTagDefs } from '../people';
import { monthPeriod, yearPeriod } from '../stats';
import type { RecordMeasure, RecordResident, Records, RecordsQuery } from './indicators.contract';
import { measureLabel, periodText, themeLabel, workbookOf } from './indicators.dashboard';
import { canReadIndicators } from './indicators.policy';

// The drill-down (下钻): the records behind one value of the indicators page, within the
// reader's reach (the node is read with the indicators' own rule, and every query stays under
// its path). Residents are named by the people module's rules, which live in src/shared/roles:
// resident keepers (RESIDENT_ROLES) over a resident's home read the name; other readers of the
// indicators get the count alone; a special group's members are named only with the sensitive
// right (SENSITIVE_ROLES) over the node, and that view is audited.

/** What a measure's value counts: activities (by place or by lead department) or residents. */
const SOURCE: Record<RecordMeasure, 'held' | 'dept_held' | 'place' | 'dept_place' | 'residence' | null> = {
  activities_held: 'held',
  dept_sessions: 'dept_held',
  participants: 'place',
  person_times: 'place',
  hours: 'place',
  dept_person_times: 'dept_place',
  participation_rate: 'residence',
  participation_change: 'residence',
  special_group: 'residence',
  staffing: null,
  awareness_rate: null,
  approval_rate: null,
  satisfaction_rate: null,
  funding_per_resident: null,
};

/** The China-time instants a period starts and ends, and its months (yyyymm). */
function span(year: number, month: number | null) {
  const at = (y: number, m: number) => new Date(`${y}-${String(m).padStart(2, '0')}-01T00:00:00${CHINA_OFFSET}`);
  const [from, to] = month
    ? [at(year, month), month === 12 ? at(year + 1, 1) : at(year, month + 1)]
    : [at(year, 1), at(year + 1, 1)];
  const [first, last] = month
    ? [monthPeriod(year, month), monthPeriod(year, month)]
    : [yearPeriod(year) + 1, yearPeriod(year) + 12];
  return { from, to, first, last };
}

/** A name as a reader outside the resident's home reach sees it: the surname, the rest starred. */
const maskName = (name: string) => (name.length <= 1 ? '*' : `${name.slice(0, 1)}${'*'.repeat(name.length - 1)}`);

type ResidentRow = {
  id: string;
  name: string;
  home_path: string;
  village: string;
  times: number;
  hours: string | null;
};

/** The residents of a drill-down: `from` selects resident_id, times, hours of the counted rows. */
async function residentsPage(db: DbOrTx, from: SQL, limit: number, offset: number) {
  const [{ n }] = await sqlRows<{ n: string }>(db, sql`select count(*) as n from (${from}) x`);
  const rows = await sqlRows<ResidentRow>(
    db,
    sql`select x.resident_id as id, r.name, h.path as home_path, h.name as village, x.times::int as times, x.hours::text as hours
        from (${from}) x join residents r on r.id = x.resident_id join org_nodes h on h.id = r.node_id
        order by r.name, r.id limit ${limit} offset ${offset}`,
  );
  return { total: Number(n), rows };
}

export async function findRecords({ db, actor, query }: Ctx & { query: RecordsQuery }): Promise<Records> {
  const node = await loadNodeFor(db, query.nodeId, (n) => canReadIndicators(actor, n));
  const source = SOURCE[query.measure];
  if (query.measure === 'staffing')
    throw fieldError(
      'measure',
      '人员配备没有活动或居民明细；各学习中心的教师人数请在“学习中心师资配备”页面查看',
      'Staffing has no activities or residents behind it; see each centre’s teachers on the Centre staffing page',
    );
  if (!source) throw fieldError('measure', '该指标尚无记录可查看', 'This measure has no records in cedu yet');
  if (query.measure === 'special_group' && !query.tag)
    throw fieldError('tag', '请选择重点人群', 'Choose a special group');
  const month = query.month ?? null;
  const { from, to, first, last } = span(query.year, month);
  const under = `${escapeLike(node.path)}%`;
  const limit = query.pageSize;
  const offset = (query.page - 1) * query.pageSize;
  const tagLabel =
    query.measure === 'special_group'
      ? ((await ensureTagDefs(db, node.path.split('/')[1])).find((d) => d.code === query.tag)?.label ?? query.tag!)
      : null;
  const base = {
    tagLabel,
    node: { id: node.id, name: node.name, level: node.level as Records['node']['level'] },
    measure: query.measure,
    tag: query.measure === 'special_group' ? query.tag! : null,
    year: query.year,
    month,
    page: query.page,
    pageSize: query.pageSize,
  };

  if (source === 'held' || source === 'dept_held') {
    const where =
      source === 'held'
        ? sql`c.path like ${under}`
        : sql`a.responsible_unit_id in (select id from org_nodes where path like ${under})`;
    const filter = sql`${where} and a.status in ('open', 'done') and a.starts_at >= ${from} and a.starts_at < ${to}`;
    const [{ n }] = await sqlRows<{ n: string }>(
      db,
      sql`select count(*) as n from activities a join org_nodes c on c.id = a.centre_id where ${filter}`,
    );
    const rows = await sqlRows<{
      id: string;
      title: string;
      starts_at: string | Date;
      centre: string;
      theme: string;
      status: string;
      times: number;
      hours: string;
    }>(
      db,
      sql`select a.id, a.title, a.starts_at, c.name as centre, a.theme, a.status, s.times::int as times, s.hours::text as hours
          from activities a join org_nodes c on c.id = a.centre_id
            cross join lateral (
              select count(*) as times, coalesce(sum(coalesce(si.attended_hours, a.hours)), 0) as hours
              from sign_ins si where si.activity_id = a.id and si.status = 'confirmed' and si.resident_id is not null
            ) s
          where ${filter}
          order by a.starts_at, a.id limit ${limit} offset ${offset}`,
    );
    return {
      ...base,
      kind: 'activities',
      namesShown: false,
      total: Number(n),
      activities: rows.map((r) => ({
        id: r.id,
        title: r.title,
        startsAt: new Date(r.starts_at).toISOString(),
        centreName: r.centre,
        theme: r.theme,
        status: r.status,
        personTimes: r.times,
        hours: Number(r.hours),
      })),
      residents: [],
    };
  }

  // Residents: by place (the kept attendance rows under the node), by lead department (the
  // sign-ins of its activities), or by residence (living under the node, took part anywhere).
  let rows: SQL;
  if (source === 'place') {
    rows = sql`select t.resident_id, sum(t.times) as times, sum(t.hours) as hours
      from stat_attendance t join org_nodes c on c.id = t.centre_id
      where c.path like ${under} and t.month between ${first} and ${last} group by t.resident_id`;
  } else if (source === 'dept_place') {
    const { from: yFrom, to: yTo } = span(query.year, null);
    rows = sql`select s.resident_id, count(*) as times, sum(coalesce(s.attended_hours, a.hours)) as hours
      from sign_ins s join activities a on a.id = s.activity_id
      where a.responsible_unit_id in (select id from org_nodes where path like ${under})
        and s.status = 'confirmed' and s.resident_id is not null and a.status <> 'cancelled'
        and a.starts_at >= ${yFrom} and a.starts_at < ${yTo}
      group by s.resident_id`;
  } else {
    // The participation rate is a year's: its residents are those of the year, whatever the month.
    const period = query.measure === 'special_group' && month ? monthPeriod(query.year, month) : yearPeriod(query.year);
    const tag =
      query.measure === 'special_group'
        ? sql`and exists (select 1 from resident_tags g where g.resident_id = s.resident_id and g.tag = ${query.tag!})`
        : sql``;
    rows = sql`select s.resident_id, s.times, null::numeric as hours
      from stat_residence s join residents r on r.id = s.resident_id join org_nodes h on h.id = r.node_id
      where s.period = ${period} and h.path like ${under} ${tag}`;
  }
  const named = namesShown(actor, node, query.measure);
  const page = await residentsPage(db, rows, named ? limit : 0, named ? offset : 0);
  const residents: RecordResident[] = page.rows.map((r) => ({
    id: r.id,
    name: holdsRoleOver(actor, RESIDENT_ROLES, r.home_path) ? r.name : maskName(r.name),
    villageName: r.village,
    times: r.times,
    hours: r.hours === null ? null : Number(r.hours),
  }));
  if (named && query.measure === 'special_group' && residents.length > 0)
    await recordAudit(db, {
      actor,
      node,
      action: 'indicators.view_sensitive',
      entityType: 'resident_tags',
      entityId: query.tag!,
      summary: { year: query.year, month, tag: query.tag, shown: residents.length },
    });
  return { ...base, kind: 'residents', namesShown: named, total: page.total, activities: [], residents };
}

/** Residents are named to resident keepers over the node; a special group's only with the sensitive right. */
function namesShown(actor: Actor, node: { path: string }, measure: RecordMeasure): boolean {
  if (!holdsRoleOver(actor, RESIDENT_ROLES, node.path)) return false;
  return measure !== 'special_group' || holdsRoleOver(actor, SENSITIVE_ROLES, node.path);
}

/** The most rows a drill-down workbook holds (a county's year of activities at scale is ~40,000). */
const EXPORT_ROWS = 50_000;
const STATUS_TEXT: Record<string, string> = { open: '报名中', done: '已完成' };

/** The drill-down's whole list as .xlsx, names as the reader may see them (a count alone otherwise). */
export async function recordsWorkbook(
  ctx: Ctx & { query: Omit<RecordsQuery, 'page' | 'pageSize'> },
): Promise<{ file: Buffer; name: string }> {
  const r = await findRecords({ ...ctx, query: { ...ctx.query, page: 1, pageSize: EXPORT_ROWS } });
  const what = r.measure === 'special_group' ? `重点人群（${r.tagLabel}）` : measureLabel(r.measure);
  const sheet =
    r.kind === 'activities'
      ? {
          name: '活动明细',
          head: ['活动', '时间', '学习中心', '主题', '状态', '参与人次', '学习时长（小时）'],
          rows: r.activities.map((x) => [
            x.title,
            formatDateTime(x.startsAt),
            x.centreName,
            themeLabel(x.theme),
            STATUS_TEXT[x.status] ?? x.status,
            x.personTimes,
            x.hours,
          ]),
        }
      : r.namesShown
        ? {
            name: '居民明细',
            head: ['姓名', '居住村（社区）', '签到次数', '学习时长（小时）'],
            rows: r.residents.map((x) => [x.name, x.villageName, x.times, x.hours]),
          }
        : { name: '人数', head: ['人数'], rows: [[r.total]] };
  const period = periodText(r.year, r.month);
  const file = await workbookOf(`${r.node.name} ${period} ${what}`, [sheet]);
  return { file, name: `${r.node.name}${period}${what}明细.xlsx` };
}
