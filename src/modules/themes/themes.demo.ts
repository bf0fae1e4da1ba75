import type { DemoContext } from '../../db/demo-context';
import { DEFAULT_THEMES, THEME_LABELS, type ThemeKey } from '../../shared/themes';
import { themeDefs, themeLeadUnits } from './themes.table';

/** Lead departments of the county's themes: each town's unit of that name. */
const LEADS: Partial<Record<ThemeKey, string[]>> = {
  health: ['卫生院'],
  law: ['司法所', '派出所'],
  vocational: ['社保所'],
  culture_sports: ['文化服务中心'],
  ethics: ['文化服务中心'],
};
const TOWNS = ['云台镇', '柳湾镇', '石桥街道'];

/** The county's themes: the default names, with lead departments. */
export async function seedThemes(ctx: DemoContext): Promise<void> {
  const { tx, nodes } = ctx;
  for (const [sort, key] of DEFAULT_THEMES.entries()) {
    const [t] = await tx
      .insert(themeDefs)
      .values({ countyId: ctx.countyId, key, nameZh: THEME_LABELS[key].zh, nameEn: THEME_LABELS[key].en, sort })
      .returning({ id: themeDefs.id });
    const units = (LEADS[key] ?? [])
      .flatMap((d) => TOWNS.map((town) => nodes.get(`${town}${d}`)?.id))
      .filter((id) => id !== undefined);
    if (units.length)
      await tx.insert(themeLeadUnits).values(units.map((unitNodeId) => ({ themeId: t.id, unitNodeId })));
  }
}
