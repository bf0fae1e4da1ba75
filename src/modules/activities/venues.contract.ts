import { z } from 'zod';
import { defineEndpoints, resourceEndpoints } from '../../shared/endpoint';
import { ZPageQuery, zList, zPage } from '../../shared/pagination';
import { ZCountyParams, ZIdParams, ZOk, orNull, zId, zOptText, zText } from '../../shared/schemas';
import { ACTIVITY_LIMITS } from './activities.contract';
import { ACTIVITY_KEEPER_ROLES, ACTIVITY_READER_ROLES, ACTIVITY_RULE_ROLES } from './activities.policy';

export const BOOKABLE_KINDS = ['venue', 'equipment'] as const;
export type BookableKind = (typeof BOOKABLE_KINDS)[number];

/** Common equipment names offered by the form (any other name may be typed). */
export const EQUIPMENT_SUGGESTIONS = [
  '音响',
  '话筒',
  '电视',
  '投影仪',
  '幕布',
  '电脑',
  '打印机',
  '桌椅',
  '横幅架',
] as const;

const ZBookableFields = z.object({
  kind: z.enum(BOOKABLE_KINDS),
  name: zText(ACTIVITY_LIMITS.venueName),
  seats: orNull(z.number().int().min(1).max(ACTIVITY_LIMITS.capacityMax)).describe('Venues: seats (optional)'),
  address: zOptText(200).describe('Venues: where (optional)'),
});
export const ZBookableCreate = ZBookableFields.extend({ nodeId: zId.describe('The town or centre that owns it') });
export type BookableCreate = z.infer<typeof ZBookableCreate>;
export const ZBookableUpdate = ZBookableFields.extend({ active: z.boolean() });
export type BookableUpdate = z.infer<typeof ZBookableUpdate>;

export const ZBookableQuery = ZPageQuery.extend({
  kind: z.enum(BOOKABLE_KINDS).default('venue'),
  nodeId: zId.optional().describe('This town or centre (its subtree)'),
});
export type BookableQuery = z.infer<typeof ZBookableQuery>;

export const ZBookable = z.object({
  id: z.string(),
  kind: z.enum(BOOKABLE_KINDS),
  nodeId: z.string(),
  nodeName: z.string(),
  name: z.string(),
  seats: z.number().nullable(),
  address: z.string().nullable(),
  active: z.boolean(),
  canKeep: z.boolean(),
});
export type Bookable = z.infer<typeof ZBookable>;
export const ZBookablePage = zPage(ZBookable);

export const ZRules = zList(
  z.object({ countyId: z.string(), countyName: z.string(), noticeDays: z.number().int(), canSet: z.boolean() }),
);
export type Rules = z.infer<typeof ZRules>;
export const ZRulesInput = z.object({ noticeDays: z.number().int().min(0).max(ACTIVITY_LIMITS.noticeDaysMax) });

export const ZBookingsQuery = z.object({ kind: z.enum(BOOKABLE_KINDS).default('venue') });
export const ZBooking = z.object({
  activityId: z.string(),
  title: z.string(),
  centreName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.string(),
});
export type Booking = z.infer<typeof ZBooking>;
export const ZBookings = z.object({
  items: z.array(ZBooking).describe('Bookings from today on, in time order (at most 200)'),
});

/** Venues, equipment and the county's booking notice: part of the activities module (one tag). */
export const venuesApi = defineEndpoints('activities', {
  ...resourceEndpoints(
    '/api/venues',
    { read: { roles: ACTIVITY_READER_ROLES }, write: { roles: ACTIVITY_KEEPER_ROLES } },
    {
      list: ['Venues or equipment of the towns and centres in my reach', ZBookableQuery, ZBookablePage],
      create: ['Add a venue or an item of equipment to a town or centre', ZBookableCreate],
      update: ['Edit a venue or item, or take it out of use', ZBookableUpdate],
    },
  ),
  bookings: {
    method: 'GET',
    path: '/api/venues/:id/bookings',
    summary: 'What holds a venue or item from today on',
    policy: { roles: ACTIVITY_READER_ROLES },
    params: ZIdParams,
    query: ZBookingsQuery,
    responses: { 200: ZBookings },
  },
  rules: {
    method: 'GET',
    path: '/api/activity-rules',
    summary: 'The booking notice (days ahead) of my county',
    policy: { roles: ACTIVITY_READER_ROLES },
    responses: { 200: ZRules },
  },
  setRules: {
    method: 'PUT',
    path: '/api/activity-rules/:countyId',
    summary: 'Set the county’s booking notice (county admins)',
    policy: { roles: ACTIVITY_RULE_ROLES },
    params: ZCountyParams,
    body: ZRulesInput,
    responses: { 200: ZOk },
  },
});
