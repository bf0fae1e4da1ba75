import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, uuid, varchar } from 'drizzle-orm/pg-core';
import { idColumn, nodeKey, nodeRef, timestampNow, timestamps } from '../../server/db/columns';
import { activities } from './activities.table';

/**
 * A venue (场地) of a town or centre: booked by the activities of that node's subtree (a
 * centre books its own rooms and its town's). Two activities that overlap in time never hold
 * the same venue (checked under an advisory lock per venue).
 */
export const venues = pgTable(
  'venues',
  {
    id: idColumn(),
    countyId: nodeRef('county_id'),
    nodeId: nodeRef('node_id'),
    name: varchar('name', { length: 60 }).notNull(),
    seats: integer('seats'),
    address: varchar('address', { length: 200 }),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [index('venues_node_idx').on(t.nodeId), check('venues_seats_chk', sql`${t.seats} is null or ${t.seats} > 0`)],
);

/** An item of equipment (音响, 电视, 投影仪, …) of a town or centre, booked like a venue. */
export const equipmentItems = pgTable(
  'equipment_items',
  {
    id: idColumn(),
    countyId: nodeRef('county_id'),
    nodeId: nodeRef('node_id'),
    name: varchar('name', { length: 60 }).notNull(),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [index('equipment_items_node_idx').on(t.nodeId)],
);

/** The equipment booked with an activity. */
export const activityEquipment = pgTable(
  'activity_equipment',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => equipmentItems.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.itemId] }), index('activity_equipment_item_idx').on(t.itemId)],
);

/** A county's activity rules: bookings fewer than `notice_days` ahead need a confirmation (null: 3). */
export const activityRules = pgTable('activity_rules', {
  countyId: nodeKey('county_id'),
  noticeDays: integer('notice_days'),
  updatedAt: timestampNow('updated_at'),
});
