import type { DbOrTx } from '../server/db/client';

/** What a module's demo seeder gets: the seeding transaction and what the demo has made. */
export type DemoContext = {
  tx: DbOrTx;
  /** Nodes of the demo county by name (青溪县, 云台镇, 东坡村, 云台镇社保所, …). */
  nodes: Map<string, { id: string; path: string; depth: number }>;
  /** Demo user ids by username (admin, county, town, centre, teacher, …). */
  users: Map<string, string>;
  /** The county's id (for per-county settings and uniqueness). */
  countyId: string;
  /** Encrypts/digests personal data, as the running app does. */
  protect: { encrypt(plain: string): string; digest(plain: string): string };
};
