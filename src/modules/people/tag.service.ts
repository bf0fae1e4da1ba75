import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import type { Actor } from '../../shared/actor';
import { AppError, fieldError, forbidden, hidden } from '../../shared/app-error';
import { auditChange, diffFields } from '../../server/audit';
import { orgNodes } from '../../server/db/tree.table';
import type { TagDefCreate, TagDefList, TagDefUpdate } from './people.contract';
import { canManageTagDefs, canReadTagDefs } from './people.policy';
import { residents, residentTagDefs, residentTags } from './people.table';
import { ensureTagDefs } from './resident-write';

type Ctx = { db: Db; actor: Actor };

async function loadCounty(db: Db, actor: Actor, countyId: string) {
  const [county] = await db
    .select({ id: orgNodes.id, path: orgNodes.path, level: orgNodes.level })
    .from(orgNodes)
    .where(eq(orgNodes.id, countyId));
  if (!county || county.level !== 'county' || !canReadTagDefs(actor, county)) throw hidden();
  return county;
}

/** The county's special-group tags (seeded with the default list on first use), with how many residents carry each. */
export async function findTagDefs({ db, actor, countyId }: Ctx & { countyId: string }): Promise<TagDefList> {
  const county = await loadCounty(db, actor, countyId);
  const defs = await db.transaction((tx) => ensureTagDefs(tx, countyId));
  const counts = await db
    .select({ tag: residentTags.tag, n: count() })
    .from(residentTags)
    .innerJoin(residents, eq(residents.id, residentTags.residentId))
    .where(
      and(
        eq(residents.countyId, countyId),
        inArray(
          residentTags.tag,
          defs.map((d) => d.code),
        ),
      ),
    )
    .groupBy(residentTags.tag);
  const canManage = canManageTagDefs(actor, county);
  return {
    countyId,
    canManage,
    tags: defs.map((d) => ({
      code: d.code,
      label: d.label,
      sensitive: d.sensitive,
      sortOrder: d.sortOrder,
      residentCount: canManage ? Number(counts.find((c) => c.tag === d.code)?.n ?? 0) : 0,
    })),
  };
}

async function managed(db: Db, actor: Actor, countyId: string) {
  const county = await loadCounty(db, actor, countyId);
  if (!canManageTagDefs(actor, county)) throw forbidden();
  return county;
}

export async function createTagDef({
  db,
  actor,
  countyId,
  input,
}: Ctx & { countyId: string; input: TagDefCreate }): Promise<void> {
  if (!/^[a-z][a-z0-9_]{1,23}$/.test(input.code))
    throw fieldError(
      'code',
      '代码用 2–24 位小写字母、数字或下划线，以字母开头，如 elderly',
      'Code: 2–24 lower-case letters, digits or _, starting with a letter, e.g. elderly',
    );
  const county = await managed(db, actor, countyId);
  await db.transaction(async (tx) => {
    const defs = await ensureTagDefs(tx, countyId);
    if (defs.some((d) => d.code === input.code))
      throw fieldError('code', '这个代码已经用过了', 'This code is already used');
    if (defs.some((d) => d.label === input.label))
      throw fieldError('label', '已有同名标签', 'A tag with this name exists');
    await tx.insert(residentTagDefs).values({ countyId, ...input });
    await auditChange(tx, actor, county, 'resident_tag.create', ['resident_tag', input.code], {
      label: input.label,
      sensitive: input.sensitive,
    });
  });
}

export async function updateTagDef({
  db,
  actor,
  countyId,
  code,
  input,
}: Ctx & { countyId: string; code: string; input: TagDefUpdate }): Promise<void> {
  const county = await managed(db, actor, countyId);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(residentTagDefs)
      .where(and(eq(residentTagDefs.countyId, countyId), eq(residentTagDefs.code, code)));
    if (!before) throw new AppError('NOT_FOUND');
    const [same] = await tx
      .select({ code: residentTagDefs.code })
      .from(residentTagDefs)
      .where(and(eq(residentTagDefs.countyId, countyId), eq(residentTagDefs.label, input.label)));
    if (same && same.code !== code) throw fieldError('label', '已有同名标签', 'A tag with this name exists');
    await tx
      .update(residentTagDefs)
      .set(input)
      .where(and(eq(residentTagDefs.countyId, countyId), eq(residentTagDefs.code, code)));
    await auditChange(
      tx,
      actor,
      county,
      'resident_tag.update',
      ['resident_tag', code],
      diffFields(before as Record<string, unknown>, input),
    );
  });
}

/** A tag still carried by residents is not deleted (their rosters would silently lose it). */
export async function removeTagDef({
  db,
  actor,
  countyId,
  code,
}: Ctx & { countyId: string; code: string }): Promise<void> {
  const county = await managed(db, actor, countyId);
  await db.transaction(async (tx) => {
    const defs = await ensureTagDefs(tx, countyId);
    const def = defs.find((d) => d.code === code);
    if (!def) throw new AppError('NOT_FOUND');
    if (defs.length === 1)
      throw new AppError('CONFLICT', { detail: '至少保留一个标签', detailEn: 'keep at least one tag' });
    const [{ n }] = await tx
      .select({ n: count() })
      .from(residentTags)
      .innerJoin(residents, eq(residents.id, residentTags.residentId))
      .where(and(eq(residents.countyId, countyId), eq(residentTags.tag, code)));
    if (Number(n) > 0)
      throw new AppError('CONFLICT', {
        detail: `还有 ${n} 位居民带有“${def.label}”标签，请先从这些居民身上去掉`,
        detailEn: `${n} residents still carry “${def.label}”; remove it from them first`,
      });
    await tx.delete(residentTagDefs).where(and(eq(residentTagDefs.countyId, countyId), eq(residentTagDefs.code, code)));
    await auditChange(tx, actor, county, 'resident_tag.delete', ['resident_tag', code], { label: def.label });
  });
}
