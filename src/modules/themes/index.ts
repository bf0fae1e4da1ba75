// The themes module's public surface: what other modules may call (docs/ARCHITECTURE.md, "Module map").
export { activeThemes, listThemes } from './themes.service';
export type { Theme, ThemeList } from './themes.contract';

// Its routes, registered by src/server/modules.ts.
export { themeRoutes } from './themes.routes';

// Who may read and edit a county's themes (other modules' services check the same rule).
export { canEditThemes, canReadThemes } from './themes.policy';
