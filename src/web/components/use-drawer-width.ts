import { Grid } from 'antd';

/** Drawers take the whole screen on a phone and `wide` pixels elsewhere. */
export function useDrawerWidth(wide = 560): number | string {
  const screens = Grid.useBreakpoint();
  return screens.sm === false ? '100%' : wide;
}
