import { and, asc, eq, inArray, like } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import type { Actor } from '../../shared/actor';
import { fieldError, forbidden, hidden } from '../../shared/app-error';
import { DEFAULT_THEMES, THEME_LABELS } from '../../shared/themes';
import { auditChange } from '../../server/audit';
import { escapeLike, loadCounty, nodeNames, type CountyNode } from '../../server/tree-scope';
import { orgNodes } from '../../server/db/tree.table';
import type { Theme, ThemeList, ThemesUpdate } from './themes.contract';
import { canEditThemes, canReadThemes } from './themes.policy';
import { themeDefs, themeLeadUnits } from './themes.table';
import type { Ctx } from '../../server/types';

/**
 * The theme list of a county, in order, inactive ones included: its own rows, or the default
 * list (the "五进社区" set and five more) while the county has not edited it.
 */
export async function listThemes(db: DbOrTx, countyId: string): Promise<Theme[]> {
  const rows = await db
    .select({
      id: themeDefs.id,
      key: themeDefs.key,
      nameZh: themeDefs.nameZh,
      nameEn: themeDefs.nameEn,
      active: themeDefs.active,
    })
    .from(themeDefs)
    .where(eq(themeDefs.countyId, countyId))
    .orderBy(asc(themeDefs.sort), asc(themeDefs.key));
  if (rows.length === 0)
    return DEFAULT_THEMES.map((key) => ({
      key,
      nameZh: THEME_LABELS[key].zh,
      nameEn: THEME_LABELS[key].en,
      active: true,
      leadUnitIds: [],
    }));
  const leads = await db
    .select()
    .from(themeLeadUnits)
    .where(
      inArray(
        themeLeadUnits.themeId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map(({ id, ...r }) => ({
    ...r,
    leadUnitIds: leads.filter((l) => l.themeId === id).map((l) => l.unitNodeId),
  }));
}

/** The county's active themes, in order: what a new course, activity or plan item may name. */
export async function activeThemes(
  db: DbOrTx,
  countyId: string,
): Promise<{ key: string; nameZh: string; nameEn: string }[]> {
  return (await listThemes(db, countyId))
    .filter((t) => t.active)
    .map(({ key, nameZh, nameEn }) => ({ key, nameZh, nameEn }));
}

/** The county a request means: the one named, or the county of the actor's first role. */
export async function resolveCounty(db: DbOrTx, actor: Actor, countyId: string | undefined): Promise<CountyNode> {
  const id = countyId ?? actor.scopes[0]?.path.split('/')[1];
  if (!id) throw hidden();
  return loadCounty(db, actor, id, canReadThemes);
}

export async function getThemeList({ db, actor, countyId }: Ctx & { countyId?: string }): Promise<ThemeList> {
  const county = await resolveCounty(db, actor, countyId);
  const themes = await listThemes(db, county.id);
  const names = await nodeNames(
    db,
    themes.flatMap((t) => t.leadUnitIds),
  );
  const [own] = await db.select({ id: themeDefs.id }).from(themeDefs).where(eq(themeDefs.countyId, county.id)).limit(1);
  return {
    countyId: county.id,
    countyName: county.name,
    isDefault: !own,
    themes: themes.map((t) => ({
      ...t,
      leadUnits: t.leadUnitIds.filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id)! })),
    })),
    canEdit: canEditThemes(actor, county),
  };
}

/** Checks the edited list against the current one: nothing removed, no doubles, leads are units of the county. */
async function checkThemes(tx: DbOrTx, county: CountyNode, current: Theme[], input: ThemesUpdate): Promise<void> {
  const keys = input.themes.map((t) => t.key).filter((k) => k !== null);
  const missing = current.filter((t) => !keys.includes(t.key));
  if (missing.length)
    throw fieldError(
      'themes',
      `主题只能停用，不能删除：请保留“${missing[0].nameZh}”`,
      `Themes can be made inactive but not removed: keep “${missing[0].nameEn}”`,
    );
  const unknown = keys.find((k) => !current.some((t) => t.key === k));
  if (unknown)
    throw fieldError(
      'themes',
      '列表已被他人修改，请刷新后再试',
      'The list was changed meanwhile; reload and try again',
    );
  input.themes.forEach((t, i) => {
    if (t.key && keys.indexOf(t.key) !== i) throw fieldError(`themes.${i}.key`, '主题重复', 'This theme appears twice');
    if (input.themes.findIndex((o) => o.nameZh === t.nameZh) !== i)
      throw fieldError(`themes.${i}.nameZh`, `主题名称“${t.nameZh}”重复`, `The name “${t.nameZh}” appears twice`);
  });
  if (!input.themes.some((t) => t.active))
    throw fieldError('themes', '至少要有一个启用的主题', 'At least one theme must be active');
  const leadIds = [...new Set(input.themes.flatMap((t) => t.leadUnitIds))];
  if (leadIds.length === 0) return;
  const units = await tx
    .select({ id: orgNodes.id })
    .from(orgNodes)
    .where(
      and(
        inArray(orgNodes.id, leadIds),
        eq(orgNodes.level, 'unit'),
        like(orgNodes.path, `${escapeLike(county.path)}%`),
      ),
    );
  if (units.length !== leadIds.length) {
    const i = input.themes.findIndex((t) => t.leadUnitIds.some((id) => !units.some((u) => u.id === id)));
    throw fieldError(
      `themes.${i}.leadUnitIds`,
      '牵头部门须是本县（区）的单位',
      'Lead departments must be units of this county',
    );
  }
}

const newKey = () => `t_${crypto.randomUUID().replace(/-/g, '').slice(0, 10)}`;

/** Saves the county's whole list (order, names, active, lead departments); the first save copies the defaults in. */
export async function updateThemes({
  db,
  actor,
  countyId,
  input,
}: Ctx & { countyId: string; input: ThemesUpdate }): Promise<void> {
  await db.transaction(async (tx) => {
    const county = await resolveCounty(tx, actor, countyId);
    if (!canEditThemes(actor, county)) throw forbidden();
    const current = await listThemes(tx, county.id);
    await checkThemes(tx, county, current, input);
    const changes: Record<string, unknown>[] = [];
    for (const [sort, t] of input.themes.entries()) {
      const key = t.key ?? newKey();
      const before = current.find((c) => c.key === key);
      if (!before) changes.push({ added: t.nameZh });
      else if (
        before.nameZh !== t.nameZh ||
        before.nameEn !== t.nameEn ||
        before.active !== t.active ||
        before.leadUnitIds.join() !== t.leadUnitIds.join()
      ) {
        changes.push({ key, from: before.nameZh, to: t.nameZh, active: t.active, leadUnits: t.leadUnitIds.length });
      }
      const [row] = await tx
        .insert(themeDefs)
        .values({ countyId: county.id, key, nameZh: t.nameZh, nameEn: t.nameEn, active: t.active, sort })
        .onConflictDoUpdate({
          target: [themeDefs.countyId, themeDefs.key],
          set: { nameZh: t.nameZh, nameEn: t.nameEn, active: t.active, sort, updatedAt: new Date() },
        })
        .returning({ id: themeDefs.id });
      await tx.delete(themeLeadUnits).where(eq(themeLeadUnits.themeId, row.id));
      if (t.leadUnitIds.length)
        await tx.insert(themeLeadUnits).values(t.leadUnitIds.map((unitNodeId) => ({ themeId: row.id, unitNodeId })));
    }
    await auditChange(tx, actor, county, 'themes.update', ['county', county.id], { county: county.name, changes });
  });
}
