import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { sqlRows } from '../../server/db/sql';
import { ensureTagDefs } from '../people';
import { listThemes } from '../themes';
import type { Figures } from './reports.contract';

// The figures of a report, read from the records: the kept attendance (stat_attendance: one row
// per resident × month × centre, so distinct participants of any set of nodes is one
// COUNT(DISTINCT) over its rows, never a sum of distinct counts), the activities held, their
// photos and news, and the plan. Other modules' tables are read in SQL text only, as portal does.

/** A period of months, yyyymm to yyyymm inclusive. */
export type MonthRange = { from: number; to: number };

const idList = (ids: string[]): SQL =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** The figures of the activities held at exactly these nodes in the months. */
export async function computeFigures(
  db: DbOrTx,
  countyId: string,
  nodeIds: string[],
  range: MonthRange,
  included: { id: string; name: string }[] = [],
): Promise<Figures> {
  const empty: Figures = {
    activities: 0,
    sessions: 0,
    participants: 0,
    personTimes: 0,
    hours: 0,
    byTheme: [],
    groups: [],
    photos: 0,
    news: 0,
    planned: 0,
    included,
  };
  if (nodeIds.length === 0) return empty;
  const ids = idList(nodeIds);
  const held = sql`a.centre_id in (${ids}) and a.status in ('open', 'done')
    and stat_month(a.starts_at) between ${range.from} and ${range.to}`;
  const [att] = await sqlRows<{ participants: number; person_times: number; hours: string }>(
    db,
    sql`select count(distinct resident_id)::int as participants, coalesce(sum(times), 0)::int as person_times,
          coalesce(sum(hours), 0)::text as hours
        from stat_attendance where centre_id in (${ids}) and month between ${range.from} and ${range.to}`,
  );
  const themes = await sqlRows<{ theme: string; activities: number; sessions: number; person_times: number }>(
    db,
    sql`select a.theme, count(distinct coalesce(a.series_id, a.id))::int as activities, count(*)::int as sessions,
          coalesce(sum((select count(*) from sign_ins s where s.activity_id = a.id and s.status = 'confirmed'
            and s.resident_id is not null)), 0)::int as person_times
        from activities a where ${held} group by a.theme order by a.theme`,
  );
  const groups = await sqlRows<{ tag: string; residents: number }>(
    db,
    sql`select t.tag, count(distinct sa.resident_id)::int as residents
        from stat_attendance sa join resident_tags t on t.resident_id = sa.resident_id
        where sa.centre_id in (${ids}) and sa.month between ${range.from} and ${range.to}
        group by t.tag order by t.tag`,
  );
  const [records] = await sqlRows<{ photos: number; news: number }>(
    db,
    sql`select (select count(*) from activity_photos p join activities a on a.id = p.activity_id where ${held})::int as photos,
          (select count(*) from activity_records r join activities a on a.id = r.activity_id
            where ${held} and (coalesce(r.news_title, '') <> '' or r.news_body <> ''))::int as news`,
  );
  const [plan] = await sqlRows<{ planned: number }>(
    db,
    sql`select count(*)::int as planned from plan_items
        where centre_id in (${ids}) and year * 100 + month between ${range.from} and ${range.to}`,
  );
  const [themeDefs, tagDefs] = await Promise.all([listThemes(db, countyId), ensureTagDefs(db, countyId)]);
  const themeLabel = new Map(themeDefs.map((t) => [t.key, t.nameZh]));
  const tagLabel = new Map(tagDefs.map((d) => [d.code, d.label]));
  return {
    ...empty,
    activities: themes.reduce((n, t) => n + Number(t.activities), 0),
    sessions: themes.reduce((n, t) => n + Number(t.sessions), 0),
    participants: Number(att?.participants ?? 0),
    personTimes: Number(att?.person_times ?? 0),
    hours: Number(att?.hours ?? 0),
    byTheme: themes.map((t) => ({
      theme: t.theme,
      label: themeLabel.get(t.theme) ?? t.theme,
      sessions: Number(t.sessions),
      personTimes: Number(t.person_times),
    })),
    groups: groups.map((g) => ({ tag: g.tag, label: tagLabel.get(g.tag) ?? g.tag, residents: Number(g.residents) })),
    photos: Number(records?.photos ?? 0),
    news: Number(records?.news ?? 0),
    planned: Number(plan?.planned ?? 0),
  };
}

/** Sign-ins of the month at these nodes written, changed or removed after `since`. */
export async function changedSignIns(db: DbOrTx, nodeIds: string[], month: number, since: Date): Promise<number> {
  if (nodeIds.length === 0) return 0;
  const [row] = await sqlRows<{ n: number }>(
    db,
    sql`select count(distinct sign_in_id)::int as n from report_record_changes
        where node_id in (${idList(nodeIds)}) and month = ${month} and changed_at > ${since.toISOString()}::timestamptz`,
  );
  return Number(row?.n ?? 0);
}
