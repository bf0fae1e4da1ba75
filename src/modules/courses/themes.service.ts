// Moved to the themes module (src/modules/themes). This re-export keeps credits' and activities'
// old import working until the lead switches them to '../themes' when merging; then delete it.
export { listThemes } from '../themes';
