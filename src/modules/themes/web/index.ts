// What other modules' pages may use of the themes module (docs/ARCHITECTURE.md, "Module map").
export { useThemeName, useThemes } from './themes.queries';
export { ThemesEditor, ThemesView } from './themes-editor';
