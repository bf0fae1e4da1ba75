import { labelled } from './locale';
/**
 * The default themes of community education: the "五进社区" set and five more. Teachers'
 * specialities and (later) courses use them. Issue 4 makes the list configurable per county;
 * until then these keys are the list.
 */
export const [DEFAULT_THEMES, THEME_LABELS] = labelled({
  technology: { zh: '科技(实用技术)', en: 'Science & practical skills' },
  culture_sports: { zh: '文体', en: 'Culture & sports' },
  health: { zh: '卫生', en: 'Health' },
  law: { zh: '法律', en: 'Law' },
  ethics: { zh: '思想道德', en: 'Civic & moral education' },
  family: { zh: '家庭教育', en: 'Family education' },
  elderly: { zh: '老年教育', en: 'Education for older people' },
  youth: { zh: '青少年校外教育', en: 'Out-of-school youth education' },
  vocational: { zh: '职业技能', en: 'Vocational skills' },
  digital: { zh: '数字技能', en: 'Digital skills' },
});
export type ThemeKey = (typeof DEFAULT_THEMES)[number];
