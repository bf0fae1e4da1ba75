// Moved to the themes module (src/modules/themes). This re-export keeps activities' web import
// of `ThemeList` working until the lead switches it to '../../themes/themes.contract'; then delete it.
export type { ThemeList } from '../themes/themes.contract';
