import { and, count, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { reachPaths } from '../../shared/actor';
import { forbidden } from '../../shared/app-error';
import { orgNodes } from '../../server/db/tree.table';
import { getNodeRow } from '../organisations';
import { underAnyPath } from '../../server/tree-scope';
import type { Ctx } from '../../server/types';
import { chinaToday } from '../../shared/china-time';
import { AGE_BANDS, type ResidentStats } from './people.contract';
import { canReadStats, RESIDENT_STATS_ROLES } from './people.policy';
import { residents, residentTagDefs, residentTags } from './people.table';
import { inAgeBand } from './resident-view';

/**
 * Counts of residents per gender, age band and special-group tag for a node (default: all
 * the actor reaches). Only numbers, never names: leaders read them too.
 */
export async function residentStats({ db, actor, nodeId }: Ctx & { nodeId?: string }): Promise<ResidentStats> {
  const conds: SQL[] = [
    underAnyPath(orgNodes.path, reachPaths(actor, RESIDENT_STATS_ROLES)),
    isNull(residents.anonymizedAt),
  ];
  if (nodeId) {
    const node = await getNodeRow(db, actor, nodeId);
    if (!canReadStats(actor, node)) throw forbidden();
    conds.push(underAnyPath(orgNodes.path, [node.path]));
  }
  const today = chinaToday();
  const base = and(...conds);
  const counted = async (extra?: SQL) =>
    Number(
      (
        await db
          .select({ n: count() })
          .from(residents)
          .innerJoin(orgNodes, eq(orgNodes.id, residents.nodeId))
          .where(and(base, extra))
      )[0].n,
    );
  const genders = await db
    .select({ g: residents.gender, n: count() })
    .from(residents)
    .innerJoin(orgNodes, eq(orgNodes.id, residents.nodeId))
    .where(base)
    .groupBy(residents.gender);
  const byGender = { male: 0, female: 0, unknown: 0 };
  for (const g of genders) byGender[g.g === 'male' || g.g === 'female' ? g.g : 'unknown'] += Number(g.n);
  const total = byGender.male + byGender.female + byGender.unknown;
  const byAgeBand = [];
  for (const band of AGE_BANDS) byAgeBand.push({ band, count: await counted(inAgeBand(band, today)) });
  const tagCounts = await db
    .select({ tag: residentTags.tag, county: residents.countyId, n: count() })
    .from(residentTags)
    .innerJoin(residents, eq(residents.id, residentTags.residentId))
    .innerJoin(orgNodes, eq(orgNodes.id, residents.nodeId))
    .where(base)
    .groupBy(residentTags.tag, residents.countyId);
  const counties = [...new Set(tagCounts.map((t) => t.county))];
  const defs = counties.length
    ? await db.select().from(residentTagDefs).where(inArray(residentTagDefs.countyId, counties))
    : [];
  const byCode = new Map<string, { code: string; label: string; count: number; order: number }>();
  for (const t of tagCounts) {
    const def = defs.find((d) => d.countyId === t.county && d.code === t.tag);
    const cur = byCode.get(t.tag) ?? {
      code: t.tag,
      label: def?.label ?? t.tag,
      count: 0,
      order: def?.sortOrder ?? 9999,
    };
    cur.count += Number(t.n);
    byCode.set(t.tag, cur);
  }
  const byTag = [...byCode.values()]
    .sort((a, b) => a.order - b.order)
    .map(({ code, label, count }) => ({ code, label, count }));
  return { total, byGender, byAgeBand, unknownAge: total - byAgeBand.reduce((s, b) => s + b.count, 0), byTag };
}
