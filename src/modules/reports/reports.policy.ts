import { holdsRoleOver, type Actor } from '../../shared/actor';
import type { Role } from '../../shared/roles';

// Who reads, writes and reviews monthly reports (月报) and annual summaries. Imports only src/shared.

/** Everyone who runs or oversees a node reads the reports of its subtree. */
export const REPORT_READER_ROLES: readonly Role[] = [
  'system_admin',
  'county_admin',
  'town_admin',
  'centre_manager',
  'inspector',
  'leader',
];
/** A node's own report is written by the one who runs it: a centre's manager, a town's admin. */
export const REPORT_WRITER_ROLES: readonly Role[] = ['system_admin', 'county_admin', 'town_admin', 'centre_manager'];
/** The level above reviews: a town reviews its centres, the county its towns. */
export const REPORT_REVIEWER_ROLES: readonly Role[] = ['system_admin', 'county_admin', 'town_admin'];
/** The county sets the deadline and lock days. */
export const REPORT_SETTINGS_ROLES: readonly Role[] = ['system_admin', 'county_admin'];

type NodeRef = { path: string; level: string };

/** The path of the node above (`/c/t/n/` → `/c/t/`). */
export const parentPath = (path: string) => path.replace(/[^/]+\/$/, '');

/** Only centres and towns report. */
export const reportsAt = (node: { level: string }) => node.level === 'centre' || node.level === 'town';

export const canReadReports = (actor: Actor, node: { path: string }) =>
  holdsRoleOver(actor, REPORT_READER_ROLES, node.path);
/** The node's own report: a writer role held on the node itself (a system admin anywhere). */
export const canWriteReport = (actor: Actor, node: NodeRef) =>
  reportsAt(node) &&
  actor.scopes.some(
    (s) =>
      REPORT_WRITER_ROLES.includes(s.role) &&
      (s.role === 'system_admin' ? true : s.path === node.path && s.role !== 'county_admin'),
  );
/** Accept, return, unlock: a reviewer role held above the node. */
export const canReviewReport = (actor: Actor, node: NodeRef) =>
  reportsAt(node) && holdsRoleOver(actor, REPORT_REVIEWER_ROLES, parentPath(node.path));
export const canSetReportSettings = (actor: Actor, county: { path: string }) =>
  holdsRoleOver(actor, REPORT_SETTINGS_ROLES, county.path);
/** The county's calendar is read by everyone reporting in the county (their deadlines come from it). */
export const canReadReportSettings = (actor: Actor, county: { path: string }) =>
  canReadReports(actor, county) ||
  actor.scopes.some((s) => REPORT_READER_ROLES.includes(s.role) && s.path.startsWith(county.path));
