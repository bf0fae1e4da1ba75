import { z } from 'zod';
import { defineEndpoints } from '../../shared/endpoint';
import { ROLES } from '../../shared/roles';
import { ZCountyParams, ZNamedRef, orNull, zId, zIds, zText } from '../../shared/schemas';
import { THEME_EDITOR_ROLES } from './themes.policy';

/** Limits of the theme list, declared once for server and web. */
export const THEME_LIMITS = { nameZh: 40, nameEn: 80, themes: 40, leadUnits: 20 } as const;

export const ZThemeQuery = z.object({
  countyId: zId.optional().describe('The county; default: the county of my first role'),
});

export const ZTheme = z.object({
  key: z.string().describe('Stable key that courses, activities, plans and credit rules refer to'),
  nameZh: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
  leadUnitIds: z.array(z.string()),
});
export type Theme = z.infer<typeof ZTheme>;

export const ZThemeList = z.object({
  countyId: z.string(),
  countyName: z.string(),
  isDefault: z.boolean().describe('True while the county still uses the default list (no edit saved yet)'),
  themes: z.array(ZTheme.extend({ leadUnits: z.array(ZNamedRef) })),
  canEdit: z.boolean(),
});
export type ThemeList = z.infer<typeof ZThemeList>;

/** One row of the edited list; a row without a key is a new theme. Order is the list's order. */
export const ZThemeInput = z.object({
  key: orNull(z.string().regex(/^[a-z][a-z0-9_]{1,23}$/)),
  nameZh: zText(THEME_LIMITS.nameZh),
  nameEn: zText(THEME_LIMITS.nameEn),
  active: z.boolean(),
  leadUnitIds: zIds(THEME_LIMITS.leadUnits),
});
export type ThemeInput = z.infer<typeof ZThemeInput>;

export const ZThemesUpdate = z.object({
  themes: z
    .array(ZThemeInput)
    .min(1)
    .max(THEME_LIMITS.themes)
    .describe('The whole list in order; themes are never removed, only made inactive'),
});
export type ThemesUpdate = z.infer<typeof ZThemesUpdate>;

/** The county's themes (课程主题) and their lead departments (牵头部门). */
export const themesApi = defineEndpoints('themes', {
  list: {
    method: 'GET',
    path: '/api/themes',
    summary: 'The county’s theme list with lead departments (the defaults until the county edits it)',
    policy: { roles: ROLES },
    query: ZThemeQuery,
    responses: { 200: ZThemeList },
  },
  update: {
    method: 'PUT',
    path: '/api/themes/:countyId',
    summary: 'Save the county’s whole theme list: order, names, active, lead departments (county admins)',
    policy: { roles: THEME_EDITOR_ROLES },
    params: ZCountyParams,
    body: ZThemesUpdate,
    responses: { 200: ZThemeList },
  },
});
