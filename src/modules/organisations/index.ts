// The public surface of the organisations module: what other modules may use of the tree.
// The tree is the lowest layer: this module imports no other module.

/** The tree's table, read-only, for joins (every row of every module hangs on a node). */
export { findTree, forgetTreeCache, getNodeRow, type NodeRow } from './org.service';
export { findPopulations } from './org-details.service';
export { createRootCounty, findFirstCounty, type CountyRef } from './org-root.service';

// Its routes, registered by src/server/modules.ts.
export { orgRoutes } from './org.routes';
