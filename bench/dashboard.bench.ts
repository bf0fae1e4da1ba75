// `npm run bench:dashboard`: the indicators at county scale. A generated county of 20 towns ×
// 20 centres (and a lead department per town), 500,000 residents, 40,000 activities in 2026 and
// 2,000,000 sign-ins, on PGlite (or, with BENCH_PG=1, on a PostgreSQL server started for the run).
// The records are loaded with the triggers off and the kept statistics rebuilt once (timed), then:
//   - GET /api/indicators for the county and for a town, a month of 2026: p50/p95 over 50 requests;
//   - the same figures by plain SQL over sign_ins and activities, in the same run: time and ratio,
//     and a check that the numbers are equal;
//   - GET /api/indicators/dashboard (by month, theme, centre, group; attainment; towns) for the
//     county and a town, p50/p95, beside the by-theme figures by plain SQL, checked equal;
//   - GET /api/workbench for the county and a town (the first screen), p50/p95;
//   - /api/health (max, p95) while sign-ins stream in at 200 per second through the triggers;
//   - generation time and peak memory (RSS of this process, PGlite's worker included).
// Env: BENCH_SCALE (default 1: the sizes above; 0.1 for a quick run), BENCH_PG=1.
// The machine is shared: numbers are noisy; the reference is measured beside them.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { roleAssignments, users } from '../src/modules/accounts/account.table';
import { hashPassword } from '../src/modules/accounts/password';
import { buildApp } from '../src/server/app';
import { readConfig } from '../src/server/config';
import { openDatabase, type Database } from '../src/server/db/client';
import { orgNodes } from '../src/server/db/tree.table';
import { DEFAULT_THEMES } from '../src/shared/themes';
import { startPgTestServer } from '../scripts/pg-test-server.mjs';

const SCALE = Number(process.env.BENCH_SCALE || 1);
const TOWNS = 20;
const CENTRES = 20;
const RESIDENTS = Math.round(500_000 * SCALE);
const ACTIVITIES = Math.round(40_000 * SCALE);
const SIGN_INS = Math.round(2_000_000 * SCALE);
const MONTH = 6;
const TARGETS = { countyP95: 100, townP95: 50, healthMax: 100 };
const PASSWORD = 'Bench-pass-2026';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (n: number) => `${n.toFixed(1)} ms`;
const row = (what: string, value: string, target = '', verdict = '') =>
  console.log(`${what.padEnd(44)} ${value.padEnd(26)} ${target.padEnd(12)} ${verdict}`);

let peakRss = 0;
let sampler: NodeJS.Timeout | undefined;

type Gen = { countyId: string; townId: string; townPath: string; centres: string[] };

export async function generate(database: Database): Promise<Gen> {
  const nodes: {
    id: string;
    parentId: string | null;
    path: string;
    depth: number;
    level: string;
    name: string;
    unitKind?: string;
  }[] = [];
  const add = (parent: (typeof nodes)[number] | null, level: string, name: string, unitKind?: string) => {
    const id = crypto.randomUUID();
    const n = {
      id,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: (parent?.depth ?? -1) + 1,
      level,
      name,
      unitKind,
    };
    nodes.push(n);
    return n;
  };
  const county = add(null, 'county', '基准县');
  const centres: string[] = [];
  const units: string[] = [];
  for (let t = 0; t < TOWNS; t++) {
    const town = add(county, 'town', `基准镇${t + 1}`);
    units.push(add(town, 'unit', `基准镇${t + 1}文化站`, 'lead_dept').id);
    for (let c = 0; c < CENTRES; c++) centres.push(add(town, 'centre', `基准镇${t + 1}村${c + 1}`).id);
  }
  await database.db.insert(orgNodes).values(nodes.map((n) => ({ ...n, unitKind: n.unitKind ?? null })));
  const n = centres.length;
  const perCentre = Math.max(60, Math.floor(RESIDENTS / n));
  await database.db.transaction(async (tx) => {
    // The records as a county would have them; the kept statistics are built once afterwards.
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`
      create temp table bench_centres on commit drop as
        select ord - 1 as no, id::uuid as id from unnest(${`{${centres.join(',')}}`}::text[]) with ordinality as c(id, ord)`);
    await tx.execute(sql`
      create temp table bench_residents on commit drop as
        select g as idx, gen_random_uuid() as id, (g % ${n}) as centre_no from generate_series(0, ${perCentre * n - 1}) g`);
    await tx.execute(sql`
      insert into residents (id, county_id, node_id, name)
        select r.id, ${county.id}, c.id, '居民' || r.idx from bench_residents r join bench_centres c on c.no = r.centre_no`);
    await tx.execute(sql`
      insert into resident_tags (resident_id, tag) select id, 'elderly' from bench_residents where idx % 5 = 0`);
    await tx.execute(sql`
      insert into org_populations (node_id, year, population)
        select c.id, y, ${Math.round(perCentre * 1.2)}::int from bench_centres c cross join (values (2025), (2026)) v(y)`);
    await tx.execute(sql`
      insert into org_populations (node_id, year, population)
        select n.id, y, case when n.level = 'county' then ${Math.round(perCentre * 1.2) * n}::int
                              else ${Math.round(perCentre * 1.2) * CENTRES}::int end
        from org_nodes n cross join (values (2025), (2026)) v(y) where n.level in ('county', 'town')`);
    await tx.execute(sql`
      create temp table bench_activities on commit drop as
        select g as idx, gen_random_uuid() as id, (g % ${n}) as centre_no,
               timestamptz '2026-01-01 09:00+08' + ((g * 7) % 360) * interval '1 day' as starts_at
        from generate_series(0, ${ACTIVITIES - 1}) g`);
    await tx.execute(sql`
      insert into activities (id, county_id, centre_id, title, theme, form, starts_at, ends_at, hours, status, responsible_unit_id)
        select a.id, ${county.id}, c.id, '基准活动' || a.idx, (${`{${DEFAULT_THEMES.join(',')}}`}::text[])[1 + a.idx % ${DEFAULT_THEMES.length}], 'lecture', a.starts_at,
               a.starts_at + interval '2 hours', 2.0, case when a.idx % 50 = 0 then 'cancelled' else 'done' end,
               case when a.idx % 10 = 0 then (${`{${units.join(',')}}`}::uuid[])[1 + (a.idx / 10) % ${units.length}] end
        from bench_activities a join bench_centres c on c.no = a.centre_no`);
    // Each activity's attendees are residents of its own centre (index arithmetic keeps each pair unique).
    const per = Math.max(1, Math.round(SIGN_INS / ACTIVITIES));
    await tx.execute(sql`
      insert into sign_ins (activity_id, resident_id, status, method, signed_at)
        select a.id, r.id, 'confirmed', 'qr', a.starts_at
        from bench_activities a cross join generate_series(0, ${Math.min(per, perCentre) - 1}) k
          join bench_residents r on r.idx = ((a.idx / ${n}) * 37 + k) % ${perCentre} * ${n} + a.centre_no`);
  });
  const [town] = nodes.filter((x) => x.level === 'town');
  return { countyId: county.id, townId: town.id, townPath: town.path, centres };
}

async function main(): Promise<void> {
  sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const pgServer = process.env.BENCH_PG === '1' ? await startPgTestServer() : null;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cedu-bench-dashboard-'));
  const database = await openDatabase(pgServer ? { url: pgServer.url } : { dataDir });
  const app = await buildApp({
    database,
    config: readConfig({ CEDU_DATA_DIR: dataDir }),
    logger: false,
    secretKey: crypto.randomBytes(32),
  });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    console.log(
      `${pgServer ? `PostgreSQL ${pgServer.version}` : 'PGlite'}: ${TOWNS} towns × ${CENTRES} centres, ${RESIDENTS.toLocaleString()} residents, ` +
        `${ACTIVITIES.toLocaleString()} activities, ${SIGN_INS.toLocaleString()} sign-ins (scale ${SCALE})`,
    );
    let t0 = performance.now();
    const g = await generate(database);
    const genMs = performance.now() - t0;
    t0 = performance.now();
    await database.query('select stat_rebuild()');
    const rebuildMs = performance.now() - t0;
    const [{ n: signIns }] = await database.query<{ n: string }>('select count(*) as n from sign_ins');

    // A county admin to ask with.
    const userId = crypto.randomUUID();
    await database.db.insert(users).values({
      id: userId,
      username: 'bench_county',
      displayName: '基准',
      homeNodeId: g.countyId,
      passwordHash: await hashPassword(PASSWORD),
    });
    await database.db.insert(roleAssignments).values({ userId, role: 'county_admin', nodeId: g.countyId });
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'bench_county', password: PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];

    const ask = async (nodeId: string) => {
      const times: number[] = [];
      let body: { values: { measure: string; value: number | null }[] } | null = null;
      for (let i = 0; i < 50; i++) {
        const s = performance.now();
        const res = await fetch(`${base}/api/indicators?nodeId=${nodeId}&year=2026&month=${MONTH}`, {
          headers: { cookie },
        });
        body = (await res.json()) as typeof body;
        if (res.status !== 200) throw new Error(`GET /api/indicators → ${res.status} ${JSON.stringify(body)}`);
        times.push(performance.now() - s);
      }
      const v = (m: string) => body!.values.find((x) => x.measure === m)?.value ?? null;
      return {
        p50: pct(times, 50),
        p95: pct(times, 95),
        participants: v('participants'),
        personTimes: v('person_times'),
      };
    };
    const plain = async (pathLike: string) => {
      const times: number[] = [];
      let out = { participants: 0, personTimes: 0 };
      for (let i = 0; i < 5; i++) {
        const s = performance.now();
        const [r] = await database.query<{ p: string; t: string }>(
          `select count(distinct s.resident_id) as p, count(*) as t
             from sign_ins s join activities a on a.id = s.activity_id join org_nodes n on n.id = a.centre_id
            where n.path like $1 and s.status = 'confirmed' and s.resident_id is not null and a.status <> 'cancelled'
              and a.starts_at >= timestamptz '2026-${String(MONTH).padStart(2, '0')}-01 00:00+08'
              and a.starts_at < timestamptz '2026-${String(MONTH + 1).padStart(2, '0')}-01 00:00+08'`,
          [`${pathLike}%`],
        );
        times.push(performance.now() - s);
        out = { participants: Number(r.p), personTimes: Number(r.t) };
      }
      return { p50: pct(times, 50), ...out };
    };
    const countyPath = `/${g.countyId}/`;
    const county = await ask(g.countyId);
    const town = await ask(g.townId);
    const countySql = await plain(countyPath);
    const townSql = await plain(g.townPath);

    // The dashboards: the endpoint, and its by-theme figures by plain SQL over the records.
    const dashboard = async (nodeId: string) => {
      const times: number[] = [];
      let body: { themes: { theme: string; activitiesHeld: number; personTimes: number }[] } | null = null;
      for (let i = 0; i < 50; i++) {
        const s = performance.now();
        const res = await fetch(`${base}/api/indicators/dashboard?nodeId=${nodeId}&year=2026&month=${MONTH}`, {
          headers: { cookie },
        });
        body = (await res.json()) as typeof body;
        if (res.status !== 200)
          throw new Error(`GET /api/indicators/dashboard → ${res.status} ${JSON.stringify(body)}`);
        times.push(performance.now() - s);
      }
      const themes = body!.themes.map((t) => `${t.theme}:${t.activitiesHeld}:${t.personTimes}`).join(' ');
      return { p50: pct(times, 50), p95: pct(times, 95), themes };
    };
    const plainThemes = async (pathLike: string) => {
      const times: number[] = [];
      let themes = '';
      for (let i = 0; i < 5; i++) {
        const s = performance.now();
        const rows = await database.query<{ theme: string; held: string; times: string }>(
          `select a.theme, count(distinct a.id) filter (where a.status in ('open', 'done')) as held,
                  count(si.id) filter (where a.status <> 'cancelled') as times
             from activities a join org_nodes n on n.id = a.centre_id
               left join sign_ins si on si.activity_id = a.id and si.status = 'confirmed' and si.resident_id is not null
            where n.path like $1
              and a.starts_at >= timestamptz '2026-${String(MONTH).padStart(2, '0')}-01 00:00+08'
              and a.starts_at < timestamptz '2026-${String(MONTH + 1).padStart(2, '0')}-01 00:00+08'
            group by a.theme order by a.theme`,
          [`${pathLike}%`],
        );
        times.push(performance.now() - s);
        themes = rows
          .filter((r) => Number(r.held) || Number(r.times))
          .map((r) => `${r.theme}:${r.held}:${r.times}`)
          .join(' ');
      }
      return { p50: pct(times, 50), themes };
    };
    const countyDash = await dashboard(g.countyId);
    const townDash = await dashboard(g.townId);
    // The workbench (the first screen): what waits, this month's indicators, centres behind, the week.
    const workbench = async (nodeId: string) => {
      const times: number[] = [];
      for (let i = 0; i < 50; i++) {
        const s = performance.now();
        const res = await fetch(`${base}/api/workbench?nodeId=${nodeId}`, { headers: { cookie } });
        const body: unknown = await res.json();
        if (res.status !== 200) throw new Error(`GET /api/workbench → ${res.status} ${JSON.stringify(body)}`);
        times.push(performance.now() - s);
      }
      return { p50: pct(times, 50), p95: pct(times, 95) };
    };
    const countyWb = await workbench(g.countyId);
    const townWb = await workbench(g.townId);
    const countyThemes = await plainThemes(countyPath);
    const townThemes = await plainThemes(g.townPath);

    // /api/health while sign-ins stream in at 200 per second, through the triggers, for 10 s.
    const [{ id: streamActivity }] = await database.query<{ id: string }>(
      `select id from activities where status = 'done' order by starts_at desc limit 1`,
    );
    const fresh = await database.query<{ id: string }>(
      `select r.id from residents r where not exists (select 1 from sign_ins s where s.activity_id = $1 and s.resident_id = r.id) limit 2000`,
      [streamActivity],
    );
    const health: number[] = [];
    let streamed = 0;
    const until = performance.now() + 10_000;
    const stream = (async () => {
      const start = performance.now();
      while (performance.now() < until && streamed < fresh.length) {
        const due = Math.floor(((performance.now() - start) / 1000) * 200);
        while (streamed < due && streamed < fresh.length) {
          const r = fresh[streamed++];
          void database.query(
            `insert into sign_ins (activity_id, resident_id, status, method) values ($1, $2, 'confirmed', 'qr') on conflict do nothing`,
            [streamActivity, r.id],
          );
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    while (performance.now() < until) {
      const s = performance.now();
      await fetch(`${base}/api/health`);
      health.push(performance.now() - s);
      await new Promise((r) => setTimeout(r, 50));
    }
    await stream;

    console.log();
    row('what', 'measured', 'target', '');
    row('generation (records, triggers off)', `${(genMs / 1000).toFixed(1)} s`);
    row('stat_rebuild() over all records', `${(rebuildMs / 1000).toFixed(1)} s`);
    row('sign-ins stored', Number(signIns).toLocaleString());
    const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
    row(
      'county indicators p50 / p95',
      `${ms(county.p50)} / ${ms(county.p95)}`,
      `< ${TARGETS.countyP95} ms`,
      verdict(county.p95 < TARGETS.countyP95),
    );
    row(
      'town indicators p50 / p95',
      `${ms(town.p50)} / ${ms(town.p95)}`,
      `< ${TARGETS.townP95} ms`,
      verdict(town.p95 < TARGETS.townP95),
    );
    row(
      'plain SQL, county month (reference) p50',
      ms(countySql.p50),
      '',
      `×${(countySql.p50 / county.p50).toFixed(1)} the endpoint`,
    );
    row(
      'plain SQL, town month (reference) p50',
      ms(townSql.p50),
      '',
      `×${(townSql.p50 / town.p50).toFixed(1)} the endpoint`,
    );
    const same = (
      a: { participants: number | null; personTimes: number | null },
      b: { participants: number; personTimes: number },
    ) => a.participants === b.participants && a.personTimes === b.personTimes;
    row(
      'county participants / person-times',
      `${county.participants} / ${county.personTimes}`,
      'plain SQL',
      verdict(same(county, countySql)),
    );
    row(
      'town participants / person-times',
      `${town.participants} / ${town.personTimes}`,
      'plain SQL',
      verdict(same(town, townSql)),
    );
    row(
      'county dashboard p50 / p95',
      `${ms(countyDash.p50)} / ${ms(countyDash.p95)}`,
      `< ${TARGETS.countyP95} ms`,
      verdict(countyDash.p95 < TARGETS.countyP95),
    );
    row(
      'town dashboard p50 / p95',
      `${ms(townDash.p50)} / ${ms(townDash.p95)}`,
      `< ${TARGETS.townP95} ms`,
      verdict(townDash.p95 < TARGETS.townP95),
    );
    row(
      'county workbench p50 / p95',
      `${ms(countyWb.p50)} / ${ms(countyWb.p95)}`,
      `< ${TARGETS.countyP95} ms`,
      verdict(countyWb.p95 < TARGETS.countyP95),
    );
    row(
      'town workbench p50 / p95',
      `${ms(townWb.p50)} / ${ms(townWb.p95)}`,
      `< ${TARGETS.townP95} ms`,
      verdict(townWb.p95 < TARGETS.townP95),
    );
    row(
      'plain SQL by theme, county (reference) p50',
      ms(countyThemes.p50),
      '',
      `×${(countyThemes.p50 / countyDash.p50).toFixed(1)} the endpoint`,
    );
    row(
      'plain SQL by theme, town (reference) p50',
      ms(townThemes.p50),
      '',
      `×${(townThemes.p50 / townDash.p50).toFixed(1)} the endpoint`,
    );
    row(
      'county by theme (held / person-times)',
      `${countyDash.themes.split(' ').length} themes`,
      'plain SQL',
      verdict(countyDash.themes === countyThemes.themes),
    );
    row(
      'town by theme (held / person-times)',
      `${townDash.themes.split(' ').length} themes`,
      'plain SQL',
      verdict(townDash.themes === townThemes.themes),
    );
    if (countyDash.themes !== countyThemes.themes)
      console.log(`  endpoint:  ${countyDash.themes}\n  plain SQL: ${countyThemes.themes}`);
    row(
      '/api/health while 200 sign-ins/s: max / p95',
      `${ms(Math.max(...health))} / ${ms(pct(health, 95))}`,
      `< ${TARGETS.healthMax} ms`,
      verdict(Math.max(...health) < TARGETS.healthMax),
    );
    row('sign-ins streamed', `${streamed}`);
    row('peak memory (RSS)', `${Math.round(peakRss / 1024 / 1024)} MB`);
  } finally {
    clearInterval(sampler);
    await app.close();
    await database.close();
    await pgServer?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href)
  void main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
