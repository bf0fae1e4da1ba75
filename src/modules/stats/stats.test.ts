import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildActivity, buildResidents } from '../../../test/activity-factories';
import { createTestDatabase } from '../../../test/db';
import { buildNode, buildWorld, type World } from '../../../test/factories';
import type { Database } from '../../server/db/client';
import { sqlRows } from '../../server/db/sql';
import { monthPeriod, nodeFigures, statsDifferences, yearPeriod } from '.';

let d: Database;
let w: World;
beforeAll(async () => {
  d = await createTestDatabase();
  w = await buildWorld(d);
});
afterAll(() => d.close());

const exec = (q: ReturnType<typeof sql>) => d.db.execute(q);
/** 10:00 China time on a day of 2026 (02:00 UTC). */
const day = (month: number, date = 10) => new Date(Date.UTC(2026, month - 1, date, 2, 0));
const signIn = (activityId: string, residentId: string, status = 'confirmed') =>
  exec(
    sql`insert into sign_ins (activity_id, resident_id, status, method) values (${activityId}, ${residentId}, ${status}, 'manual')`,
  );

describe('kept statistics', () => {
  it('counts a resident who attended in two villages once for the town and once for the county', async () => {
    const [r] = await buildResidents(d, w.nodes.A1a, 1, '两村学员');
    const a = await buildActivity(d, { centre: w.nodes.A1a, startsAt: day(3), endsAt: day(3, 11) });
    const b = await buildActivity(d, { centre: w.nodes.A1b, startsAt: day(3, 20), endsAt: day(3, 21) });
    await signIn(a.id, r);
    await signIn(b.id, r);
    const march = monthPeriod(2026, 3);
    const figures = await nodeFigures(d.db, [w.nodes.A1a.id, w.nodes.A1b.id, w.nodes.A1.id, w.nodes.A.id], [march]);
    expect(figures.map((f) => [f.participants, f.personTimes, f.hours])).toEqual([
      [1, 1, 2],
      [1, 1, 2],
      [1, 2, 4],
      [1, 2, 4],
    ]);
    // By residence: they live in A1a, so A1a, the town and the county reached one resident; A1b none.
    expect(figures.map((f) => f.residentsReached)).toEqual([1, 0, 1, 1]);
    const [year] = await nodeFigures(d.db, [w.nodes.A.id], [yearPeriod(2026)]);
    expect(year).toMatchObject({ participants: 1, personTimes: 2, residentsReached: 1 });
    expect(await statsDifferences(d.db)).toMatchObject({ onlyKept: [], onlyRecomputed: [] });
  });

  it('a month is the county’s: an activity at 07:00 China time on the 1st counts in that month, not the one before', async () => {
    const [r] = await buildResidents(d, w.nodes.A2a, 1, '月初学员');
    // 2026-05-01 07:00 in Shanghai is 2026-04-30 23:00 UTC.
    const a = await buildActivity(d, {
      centre: w.nodes.A2a,
      startsAt: new Date(Date.UTC(2026, 3, 30, 23, 0)),
      endsAt: new Date(Date.UTC(2026, 4, 1, 1, 0)),
    });
    await signIn(a.id, r);
    const [april, may] = await nodeFigures(d.db, [w.nodes.A2a.id], [monthPeriod(2026, 4), monthPeriod(2026, 5)]);
    expect([april.personTimes, may.personTimes]).toEqual([0, 1]);
  });

  it('stay equal to a recomputation from scratch through random sign-ins, reversals, activities held, cancelled, moved and deleted, moves of residents and centres, anonymisations', async () => {
    // A small seeded generator: the same operations every run, so a failure can be replayed.
    let seed = 20261207;
    const rnd = (n: number) => {
      // mulberry32
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const pick = <T>(xs: T[]) => xs[rnd(xs.length)];
    const villages = ['A1a', 'A1b', 'A2a', 'A2b'].map((k) => w.nodes[k]);
    const extra = await buildNode(d, w.nodes.A2, { name: '县A镇2村c', level: 'centre' });
    villages.push(extra);
    const units = [w.nodes.A1u.id, w.nodes.A2u.id, null];
    const people: string[] = [];
    for (const v of villages) people.push(...(await buildResidents(d, v, 6, `随机${v.name}`)));
    const tags = ['elderly', 'youth', 'veteran'];
    const acts: string[] = [];
    for (let i = 0; i < 14; i++) {
      const m = 1 + rnd(12);
      acts.push((await buildActivity(d, { centre: pick(villages), startsAt: day(m), endsAt: day(m, 11) })).id);
    }
    const moveCentre = async () => {
      // The organisations module's move: rewrite the subtree's paths, then the parent.
      const [row] = await sqlRows<{ path: string; parent_id: string }>(
        d.db,
        sql`select path, parent_id from org_nodes where id = ${extra.id}`,
      );
      const to = row.parent_id === w.nodes.A2.id ? w.nodes.A1 : w.nodes.A2;
      const newPath = `${to.path}${extra.id}/`;
      await d.db.transaction(async (tx) => {
        await tx.execute(
          sql`update org_nodes set path = ${newPath} || substr(path, ${row.path.length + 1}) where path like ${row.path + '%'}`,
        );
        await tx.execute(sql`update org_nodes set parent_id = ${to.id} where id = ${extra.id}`);
      });
    };
    const ops: [string, () => Promise<unknown>][] = [
      // Sign-ins come more often than the changes, so that there is always something to count.
      ...Array.from({ length: 8 }, (): [string, () => Promise<unknown>] => [
        'sign in',
        () => signIn(pick(acts), pick(people)).catch(() => undefined),
      ]),
      ['sign in pending', () => signIn(pick(acts), pick(people), 'pending').catch(() => undefined)],
      [
        'confirm',
        () =>
          exec(
            sql`update sign_ins set status = 'confirmed' where id = (select id from sign_ins where status = 'pending' order by id limit 1)`,
          ),
      ],
      [
        'reject',
        () =>
          exec(
            sql`update sign_ins set status = 'rejected' where id = (select id from sign_ins where status = 'confirmed' order by md5(id::text || ${rnd(1000)}) limit 1)`,
          ),
      ],
      [
        'delete',
        () =>
          exec(
            sql`delete from sign_ins where id = (select id from sign_ins order by md5(id::text || ${rnd(1000)}) limit 1)`,
          ),
      ],
      [
        'check out',
        () =>
          exec(
            sql`update sign_ins set attended_hours = ${String(0.5 + rnd(4) / 2)} where id = (select id from sign_ins order by md5(id::text || ${rnd(1000)}) limit 1)`,
          ),
      ],
      ['cancel', () => exec(sql`update activities set status = 'cancelled' where id = ${pick(acts)}`)],
      ['restore', () => exec(sql`update activities set status = 'open' where id = ${pick(acts)}`)],
      ['plan', () => exec(sql`update activities set status = 'planned' where id = ${pick(acts)}`)],
      ['done', () => exec(sql`update activities set status = 'done' where id = ${pick(acts)}`)],
      [
        'new activity',
        async () => {
          const m = 1 + rnd(12);
          acts.push((await buildActivity(d, { centre: pick(villages), startsAt: day(m), endsAt: day(m, 11) })).id);
        },
      ],
      [
        'activity deleted',
        () =>
          exec(
            sql`delete from activities where id = (select a.id from activities a where not exists (select 1 from sign_ins s where s.activity_id = a.id) and a.id = any(${`{${acts.join(',')}}`}::uuid[]) order by a.id limit 1)`,
          ),
      ],
      [
        'reschedule',
        () => {
          const m = 1 + rnd(12);
          return exec(
            sql`update activities set starts_at = ${day(m)}, ends_at = ${day(m, 11)} where id = ${pick(acts)}`,
          );
        },
      ],
      [
        'other centre',
        () => exec(sql`update activities set centre_id = ${pick(villages).id} where id = ${pick(acts)}`),
      ],
      [
        'other theme',
        () => exec(sql`update activities set theme = ${pick(['health', 'law', 'digital'])} where id = ${pick(acts)}`),
      ],
      ['other hours', () => exec(sql`update activities set hours = ${String(1 + rnd(3))} where id = ${pick(acts)}`)],
      [
        'other unit',
        () => exec(sql`update activities set responsible_unit_id = ${pick(units)} where id = ${pick(acts)}`),
      ],
      [
        'resident moves',
        () => exec(sql`update residents set node_id = ${pick(villages).id} where id = ${pick(people)}`),
      ],
      [
        'tag',
        () =>
          exec(
            sql`insert into resident_tags (resident_id, tag) values (${pick(people)}, ${pick(tags)}) on conflict do nothing`,
          ),
      ],
      ['untag', () => exec(sql`delete from resident_tags where resident_id = ${pick(people)} and tag = ${pick(tags)}`)],
      [
        'anonymise',
        async () => {
          // As the people module does: the person's data cleared, the tags gone, the attendance kept.
          const id = pick(people);
          await exec(
            sql`update residents set name = '已注销居民', phone = null, anonymized_at = now() where id = ${id}`,
          );
          await exec(sql`delete from resident_tags where resident_id = ${id}`);
        },
      ],
      ['centre moves to another town', moveCentre],
    ];
    const done: string[] = [];
    for (let round = 0; round < 12; round++) {
      for (let i = 0; i < 25; i++) {
        const [name, op] = pick(ops);
        done.push(name);
        await op();
      }
      const diff = await statsDifferences(d.db);
      expect(diff, `after ${done.length} operations: ${done.slice(-25).join(', ')}`).toMatchObject({
        onlyKept: [],
        onlyRecomputed: [],
      });
    }
    // Every kind of change happened, and there was something to count.
    expect(new Set(done).size).toBe(new Set(ops.map(([name]) => name)).size);
    expect((await statsDifferences(d.db)).rows).toBeGreaterThan(50);
  });
});
