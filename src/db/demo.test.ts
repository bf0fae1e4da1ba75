import crypto from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db';
import { verifyBalances } from '../modules/credits/credit-verify';
import { statsDifferences } from '../modules/stats';
import { createProtector } from '../server/protect';
import type { Database } from '../server/db/client';
import { seedDemoIfEmpty } from './demo';

let database: Database | undefined;
afterAll(() => database?.close());

it('two app nodes seeding an empty database at once: one creates the demo county, the other finds it there', async () => {
  database = await createTestDatabase();
  const protector = createProtector(crypto.randomBytes(32));
  const results = await Promise.all([
    seedDemoIfEmpty(database, 'Demo-pass-2026', protector),
    seedDemoIfEmpty(database, 'Demo-pass-2026', protector),
  ]);
  expect(results.sort()).toEqual([false, true]);
  const counties = await database.query<{ n: number }>(
    `select count(*)::int as n from org_nodes where level = 'county'`,
  );
  expect(counties[0].n).toBe(1);
  const admins = await database.query<{ n: number }>(`select count(*)::int as n from users where username = 'admin'`);
  expect(admins[0].n).toBe(1);
});

/** Figures of every node of a level for a year: population, kept figures, residents on the roster. */
async function figures(db: Database, level: string, year: number) {
  return db.query<{
    name: string;
    population: number;
    reached: number;
    participants: number;
    times: number;
    roster: number;
  }>(
    `select n.name, p.population, coalesce(c.residents_reached, 0) as reached, coalesce(c.participants, 0) as participants,
            coalesce(c.person_times, 0) as times,
            (select count(*)::int from residents r join org_nodes rn on rn.id = r.node_id where rn.path like n.path || '%') as roster
       from org_nodes n
       join org_populations p on p.node_id = n.id and p.year = $2
       left join stat_counts c on c.node_id = n.id and c.period = $2 * 100
      where n.level = $1 order by n.sort_order`,
    [level, year],
  );
}

it('the demo county tells a believable story: populations add up, centres above and below the participation target, people come back', async () => {
  const db = database!;
  const year = new Date().getFullYear();
  const rate = (f: { reached: number; population: number }) => (100 * f.reached) / f.population;

  // Populations: a few hundred per village, a town the sum of its villages, the county of its towns; last year a little lower.
  for (const y of [year - 1, year]) {
    const [centres, towns, [county]] = await Promise.all(
      ['centre', 'town', 'county'].map((level) => figures(db, level, y)),
    );
    expect(centres).toHaveLength(15);
    for (const c of centres) expect(c.population).toBeGreaterThanOrEqual(290);
    for (const c of centres) expect(c.population).toBeLessThanOrEqual(900);
    expect(towns.reduce((n, t) => n + t.population, 0)).toBe(county.population);
    expect(centres.reduce((n, c) => n + c.population, 0)).toBe(county.population);
  }
  const [centres, last, towns, townsLast, [county]] = await Promise.all([
    figures(db, 'centre', year),
    figures(db, 'centre', year - 1),
    figures(db, 'town', year),
    figures(db, 'town', year - 1),
    figures(db, 'county', year),
  ]);
  expect(county.population).toBeGreaterThan((await figures(db, 'county', year - 1))[0].population);

  // Residents: dozens to a few hundred per centre, about two thousand in all; the named demo residents are there.
  for (const c of centres) expect(c.roster).toBeGreaterThanOrEqual(50);
  expect(county.roster).toBeGreaterThan(1_500);
  const named = await db.query<{ name: string }>(
    `select name from residents where name in ('陈德明', '吴桂芳', '陈小满', '周秀兰', '许海波', '罗志勇')`,
  );
  expect(named).toHaveLength(6);

  // Participation: every centre between 10 % and 40 %; some reach the 25 % target, some do not.
  for (const c of centres) {
    expect(rate(c), c.name).toBeGreaterThan(10);
    expect(rate(c), c.name).toBeLessThan(40);
  }
  expect(centres.filter((c) => rate(c) >= 25).length).toBeGreaterThanOrEqual(3);
  expect(centres.filter((c) => rate(c) < 25).length).toBeGreaterThanOrEqual(3);
  // People come back: more person-times than participants, in the county and at most centres.
  expect(county.times).toBeGreaterThan(2 * county.participants);
  expect(centres.filter((c) => c.times > c.participants).length).toBeGreaterThan(10);
  // Against last year: up at some centres, down at others; last year's figures exist everywhere.
  for (const c of last) expect(c.reached).toBeGreaterThan(0);
  const change = centres.map((c, i) => rate(c) - rate(last[i]));
  expect(change.some((d) => d > 0)).toBe(true);
  expect(change.some((d) => d < 0)).toBe(true);
  const townChange = towns.map((t, i) => rate(t) - rate(townsLast[i]));
  expect(townChange.some((d) => d > 0)).toBe(true);
  expect(townChange.some((d) => d < 0)).toBe(true);

  // The two-a-month rule: in the months before this one, centres both meet and miss it.
  const months = await db.query<{ held: number }>(
    `select coalesce(c.activities_held, 0) as held
       from org_nodes n cross join generate_series(1, $2::int - 1) m
       left join stat_counts c on c.node_id = n.id and c.period = $1 * 100 + m
      where n.level = 'centre'`,
    [year, Number(new Date().toISOString().slice(5, 7))],
  );
  if (months.length > 0) {
    expect(months.some((m) => m.held >= 2)).toBe(true);
    expect(months.some((m) => m.held < 2)).toBe(true);
  }

  // Special groups took part: older people, left-behind children, disabled people.
  const groups = await db.query<{ tag: string; n: number }>(
    `select g.tag, g.residents_reached as n from stat_group_counts g join org_nodes n on n.id = g.node_id
      where n.level = 'county' and g.period = $1 * 100`,
    [year],
  );
  const group = new Map(groups.map((g) => [g.tag, g.n]));
  for (const tag of ['elderly', 'left_behind_child', 'disabled']) expect(group.get(tag) ?? 0, tag).toBeGreaterThan(0);

  // The kept statistics equal a recomputation from the records; every credit balance equals its ledger.
  const d = await statsDifferences(db.db);
  expect([d.onlyKept, d.onlyRecomputed]).toEqual([[], []]);
  const b = await verifyBalances((sql) => db.query(sql));
  expect(b.mismatches).toEqual([]);
  expect(b.accounts).toBeGreaterThan(1_000);
});

it('the demo has a published rate survey with ~40 responses across the county and a learning-needs survey', async () => {
  const rows = await database!.query<{ kind: string; status: string; n: number; anonymous: boolean }>(
    `select s.kind, s.status, s.anonymous, (select count(*)::int from survey_answers a where a.survey_id = s.id) as n
       from surveys s order by s.kind`,
  );
  expect(rows).toEqual([
    { kind: 'needs', status: 'published', anonymous: false, n: 24 },
    { kind: 'rates', status: 'published', anonymous: true, n: 42 },
  ]);
});
