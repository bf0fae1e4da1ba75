import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { idColumn, nodeRef, timestampNow, timestampTz, timestamps } from '../../server/db/columns';
import { userRef } from '../accounts/account.table';

/** A household (户) of one village or community; its head is the member whose relation is 户主. */
export const households = pgTable(
  'households',
  {
    id: idColumn(),
    nodeId: nodeRef('node_id'),
    headName: varchar('head_name', { length: 40 }).notNull(),
    building: varchar('building', { length: 60 }),
    address: varchar('address', { length: 200 }),
    ...timestamps(),
  },
  (t) => [index('households_node_idx').on(t.nodeId)],
);

/**
 * A resident (居民/学员). The ID-card number is never stored in clear: `id_number_enc` is
 * AES-256-GCM ciphertext, `id_number_hash` an HMAC for uniqueness within the county and
 * exact lookup, `id_last4` the tail for search. A resident whose records must stay
 * (attendance, credits) is anonymised on deletion (`anonymized_at`), not removed.
 */
export const residents = pgTable(
  'residents',
  {
    id: idColumn(),
    countyId: nodeRef('county_id'),
    nodeId: nodeRef('node_id'),
    householdId: uuid('household_id').references(() => households.id, { onDelete: 'set null' }),
    relationToHead: varchar('relation_to_head', { length: 16 }),
    building: varchar('building', { length: 60 }),
    name: varchar('name', { length: 40 }).notNull(),
    namePinyin: varchar('name_pinyin', { length: 200 }).notNull().default(''),
    nameInitials: varchar('name_initials', { length: 40 }).notNull().default(''),
    gender: varchar('gender', { length: 8 }),
    birthDate: date('birth_date'),
    phone: varchar('phone', { length: 20 }),
    idNumberEnc: text('id_number_enc'),
    idNumberHash: varchar('id_number_hash', { length: 64 }),
    idLast4: varchar('id_last4', { length: 4 }),
    education: varchar('education', { length: 16 }),
    employment: varchar('employment', { length: 24 }),
    occupation: varchar('occupation', { length: 60 }),
    note: varchar('note', { length: 500 }),
    anonymizedAt: timestampTz('anonymized_at'),
    createdBy: userRef('created_by'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('residents_county_id_number_uq')
      .on(t.countyId, t.idNumberHash)
      .where(sql`${t.idNumberHash} is not null`),
    index('residents_node_idx').on(t.nodeId),
    index('residents_household_idx').on(t.householdId),
    index('residents_phone_idx').on(t.phone),
    index('residents_initials_idx').on(t.nameInitials),
    index('residents_birth_idx').on(t.birthDate),
    check('residents_gender_chk', sql`${t.gender} is null or ${t.gender} in ('male','female')`),
  ],
);

/** Special-group tags of a resident (老年人, 留守儿童, …); codes come from resident_tag_defs. */
export const residentTags = pgTable(
  'resident_tags',
  {
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    tag: varchar('tag', { length: 24 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.residentId, t.tag] }), index('resident_tags_tag_idx').on(t.tag)],
);

/** The configurable tag list of a county. Sensitive tags are hidden from roles without the right. */
export const residentTagDefs = pgTable(
  'resident_tag_defs',
  {
    countyId: nodeRef('county_id', 'cascade'),
    code: varchar('code', { length: 24 }).notNull(),
    label: varchar('label', { length: 24 }).notNull(),
    sensitive: boolean('sensitive').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.code] })],
);

/** Consent to store personal data: when, by whom, what for; a guardian's for a child under 14. */
export const consents = pgTable(
  'consents',
  {
    id: idColumn(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    purpose: varchar('purpose', { length: 100 }).notNull(),
    givenBy: varchar('given_by', { length: 16 }).notNull(),
    guardianName: varchar('guardian_name', { length: 40 }),
    guardianRelation: varchar('guardian_relation', { length: 16 }),
    method: varchar('method', { length: 16 }).notNull(),
    recordedBy: userRef('recorded_by'),
    recordedAt: timestampNow('recorded_at'),
    withdrawnAt: timestampTz('withdrawn_at'),
  },
  (t) => [
    index('consents_resident_idx').on(t.residentId),
    check('consents_given_by_chk', sql`${t.givenBy} in ('self','guardian')`),
    check('consents_guardian_chk', sql`${t.givenBy} = 'self' or ${t.guardianName} is not null`),
  ],
);

/** Date-only helper type for drizzle `date` columns (strings YYYY-MM-DD). */
export type IsoDate = string;
