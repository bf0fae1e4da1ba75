import { z } from 'zod';
import { LIMITS } from '../../shared/limits';
import { defineEndpoints, resourceEndpoints } from '../../shared/endpoint';
import { LEADER_POSTS, NODE_LEVELS, ROLES, UNIT_KINDS } from '../../shared/roles';
import { ZIdParams, ZOk, orNull, zId, zOptPhone, zOptText, zText, zYear } from '../../shared/schemas';

const zCoord = (min: number, max: number) =>
  z
    .union([z.number(), z.string().trim()])
    .nullish()
    .transform((v) => (v === '' || v === null || v === undefined ? null : Number(v)))
    .refine((v) => v === null || (Number.isFinite(v) && v >= min && v <= max), { error: `msg:coord_${max}` });

const zDivisionCode = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^\d{12}$/.test(v), { error: 'msg:division_code' })
  .describe('统计用区划代码: 12 digits, checked against the level and the parent node');

/** The editable fields of a node, shared by create and edit (the same form). */
export const ZNodeFields = z.object({
  name: zText(LIMITS.nodeName).describe('Name, e.g. 云台镇 or 东坡村学习中心'),
  unitKind: orNull(z.enum(UNIT_KINDS)).describe('Kind of unit; only for level "unit"'),
  divisionCode: zDivisionCode,
  address: zOptText(LIMITS.address),
  longitude: zCoord(-180, 180),
  latitude: zCoord(-90, 90),
  headName: zOptText(LIMITS.personName).describe('Head of the node (负责人)'),
  headPhone: zOptPhone,
  officeLocation: zOptText(LIMITS.address).describe('Where the office (办公室) is'),
  officePhone: zOptPhone,
  officeHead: zOptText(LIMITS.personName),
  sortOrder: z.number().int().min(0).max(9999).default(0),
});

export const ZNodeCreate = ZNodeFields.extend({
  parentId: zId.nullable().describe('The parent node; null creates a county (system admins only)'),
  level: z.enum(NODE_LEVELS),
});
export type NodeCreate = z.infer<typeof ZNodeCreate>;
export const ZNodeUpdate = ZNodeFields;
export type NodeUpdate = z.infer<typeof ZNodeUpdate>;

export const ZNodeMove = z.object({ newParentId: zId });
export type NodeMove = z.infer<typeof ZNodeMove>;

export const ZTreeNode = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  level: z.enum(NODE_LEVELS),
  unitKind: z.enum(UNIT_KINDS).nullable(),
  name: z.string(),
  depth: z.number().int(),
  sortOrder: z.number().int(),
});
export type TreeNode = z.infer<typeof ZTreeNode>;

export const ZPopulation = z.object({
  year: z.number().int().min(LIMITS.yearMin).max(LIMITS.yearMax),
  population: z.number().int().min(0).max(LIMITS.population),
});
export type Population = z.infer<typeof ZPopulation>;

export const ZLeader = z.object({
  name: zText(LIMITS.personName),
  post: z.enum(LEADER_POSTS),
  title: zOptText(LIMITS.post).describe('Job title, e.g. 镇党委副书记'),
  phone: zOptPhone,
});
export type Leader = z.infer<typeof ZLeader>;
export const ZLeaders = z.object({ leaders: z.array(ZLeader).max(50) });

export const ZNodePermissions = z.object({
  update: z.boolean(),
  createChild: z.boolean(),
  remove: z.boolean(),
  move: z.boolean(),
});

export const ZNodeDetail = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  path: z.string(),
  depth: z.number().int(),
  level: z.enum(NODE_LEVELS),
  unitKind: z.enum(UNIT_KINDS).nullable(),
  name: z.string(),
  divisionCode: z.string().nullable(),
  address: z.string().nullable(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  headName: z.string().nullable(),
  headPhone: z.string().nullable(),
  officeLocation: z.string().nullable(),
  officePhone: z.string().nullable(),
  officeHead: z.string().nullable(),
  sortOrder: z.number().int(),
  childCount: z.number().int(),
  populations: z.array(ZPopulation),
  leaders: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      post: z.enum(LEADER_POSTS),
      title: z.string().nullable(),
      phone: z.string().nullable(),
    }),
  ),
  permissions: ZNodePermissions,
  updatedAt: z.string(),
});
export type NodeDetail = z.infer<typeof ZNodeDetail>;

export const ZYearParams = ZIdParams.extend({ year: zYear });

/** Every role reads the tree; what each may change is decided per node by org.policy. */
const anyRole = { roles: ROLES };

const nodeCrud = resourceEndpoints(
  '/api/org/nodes',
  { write: anyRole },
  {
    one: ['One node with populations, leadership group and what the user may do', ZNodeDetail],
    create: ['Create a node under a parent', ZNodeCreate],
    update: ['Edit a node', ZNodeUpdate, ZNodeDetail],
    remove: 'Delete a node without children or records',
  },
);

/** One division of the official list (统计用区划代码), with its full 12-digit code. */
export const ZDivision = z.object({
  code: z.string(),
  name: z.string().describe('The official name'),
  level: z.enum(['province', 'city', 'county', 'town', 'village']),
});
export type Division = z.infer<typeof ZDivision>;
const zListCode = z.string().regex(/^\d{12}$/, { error: 'msg:division_code' });
export const ZDivisionsQuery = z.object({
  under: z
    .union([zListCode, z.literal('')])
    .default('')
    .describe('A province or city code; empty: the provinces'),
});
export const ZDivisionList = z.object({
  edition: z.string().describe('The edition of the list in use, e.g. 2023'),
  divisions: z.array(ZDivision),
});
/** A division as the tree has it: the node made from it, if any. */
export const ZAdoptable = ZDivision.extend({ nodeId: z.string().nullable(), nodeName: z.string().nullable() });
export const ZDivisionTree = z.object({
  edition: z.string(),
  asOf: z.string(),
  top: ZAdoptable,
  children: z.array(ZAdoptable.extend({ children: z.array(ZAdoptable) })),
});
export type DivisionTree = z.infer<typeof ZDivisionTree>;
export const ZDivisionTreeQuery = z.object({
  code: zListCode.optional().describe('For a county not yet set up: the county chosen from the list'),
});
const ZAdopt = z.object({ code: zListCode, name: zText(LIMITS.nodeName).describe('The name shown (may be shorter)') });
/**
 * Nodes made from the list under a county or a town. A county not set up yet takes its own code
 * and name here (the first setup); after that, `code` is left out and what is sent is added.
 */
export const ZAdoptDivisions = z.object({
  code: zListCode.optional(),
  name: zText(LIMITS.nodeName).optional(),
  children: z
    .array(ZAdopt.extend({ children: z.array(ZAdopt).max(400).default([]) }))
    .min(1, { error: 'msg:required' })
    .max(400),
});
export type AdoptDivisions = z.infer<typeof ZAdoptDivisions>;
export const ZAdopted = z.object({ towns: z.number().int(), centres: z.number().int() });

/** The organisation tree: nodes, populations by year, leadership groups. */
export const orgApi = defineEndpoints('organisations', {
  tree: {
    method: 'GET',
    path: '/api/org/tree',
    summary: 'Every node the user may see, flat, ordered by depth',
    policy: anyRole,
    responses: { 200: z.object({ nodes: z.array(ZTreeNode) }) },
  },
  node: nodeCrud.one,
  create: nodeCrud.create,
  update: nodeCrud.update,
  move: {
    method: 'POST',
    path: '/api/org/nodes/:id/move',
    summary: 'Move a node (and its subtree) under another parent',
    policy: anyRole,
    params: ZIdParams,
    body: ZNodeMove,
    responses: { 200: ZOk },
  },
  remove: nodeCrud.remove,
  setPopulation: {
    method: 'PUT',
    path: '/api/org/nodes/:id/populations/:year',
    summary: 'Set the resident population of a year',
    policy: anyRole,
    params: ZYearParams,
    body: ZPopulation.pick({ population: true }),
    responses: { 200: ZOk },
  },
  removePopulation: {
    method: 'DELETE',
    path: '/api/org/nodes/:id/populations/:year',
    summary: 'Remove the population of a year',
    policy: anyRole,
    params: ZYearParams,
    responses: { 200: ZOk },
  },
  divisions: {
    method: 'GET',
    path: '/api/org/divisions',
    summary: 'The official division list: the provinces, or the divisions under a province or city (admins)',
    policy: anyRole,
    query: ZDivisionsQuery,
    responses: { 200: ZDivisionList },
  },
  divisionTree: {
    method: 'GET',
    path: '/api/org/nodes/:id/divisions',
    summary:
      'The towns and villages the list has under a county or town, each with the node made from it (null: not in the tree yet)',
    policy: anyRole,
    params: ZIdParams,
    query: ZDivisionTreeQuery,
    responses: { 200: ZDivisionTree },
  },
  adoptDivisions: {
    method: 'POST',
    path: '/api/org/nodes/:id/divisions',
    summary:
      'Create towns and centres from the list under a county or town, in one transaction; the first time, the county takes its code',
    policy: anyRole,
    params: ZIdParams,
    body: ZAdoptDivisions,
    responses: { 200: ZAdopted },
  },
  setLeaders: {
    method: 'PUT',
    path: '/api/org/nodes/:id/leaders',
    summary: 'Replace the leadership group (领导小组)',
    policy: anyRole,
    params: ZIdParams,
    body: ZLeaders,
    responses: { 200: ZOk },
  },
});
