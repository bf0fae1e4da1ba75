import type { Msg } from '../../../web/i18n/i18n';

/** The theme list's words (the editor and the read-only view). */
export const M = {
  themesIntro: [
    '主题由县（区）统一设置。主题只能停用，不能删除，已有课程和活动仍按原主题统计。',
    'The county sets the themes. Themes can be made inactive but never removed, so existing courses and activities keep theirs.',
  ],
  themesDefault: [
    '目前使用默认主题（“五进社区”五项及其他五项），保存后即为本县（区）的主题表。',
    'The default list is in use (the five “五进社区” themes and five more); saving makes it this county’s list.',
  ],
  themeNameZh: ['中文名称', 'Chinese name'],
  themeNameEn: ['英文名称', 'English name'],
  themeActive: ['启用', 'Active'],
  themeInactive: ['已停用', 'Inactive'],
  leadUnits: ['牵头部门', 'Lead departments'],
  leadUnitsHelp: ['选择本县（区）的单位', 'Units of this county'],
  addTheme: ['添加主题', 'Add a theme'],
  moveUp: ['上移', 'Move up'],
  moveDown: ['下移', 'Move down'],
  newThemeLabel: ['新主题', 'New theme'],
  saveThemes: ['保存主题', 'Save themes'],
  readOnlyThemes: ['主题由县（区）管理员设置，您可以查看。', 'County admins set the themes; you can read them.'],
  none: ['无', 'None'],
} satisfies Record<string, Msg>;
