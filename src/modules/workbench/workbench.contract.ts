import { z } from 'zod';
import { defineEndpoints } from '../../shared/endpoint';
import { NODE_LEVELS } from '../../shared/roles';
import { zId } from '../../shared/schemas';
import { ZIndicatorValue } from '../indicators/indicators.contract';
import { QUICK_ACTIONS, WORKBENCH_ROLES, type QuickAction } from './workbench.policy';

const ZNode = z.object({ id: z.string(), name: z.string(), level: z.enum(NODE_LEVELS) });

/** One kind of work waiting for the user (src/server/waiting.ts): the web labels it by key. */
export const ZWaitingItem = z.object({
  key: z.string().describe('courses.review, volunteer.approve, signin.pending, reports.due…'),
  count: z.number().int(),
  path: z.string().describe('Where the work is done (a web path)'),
  due: z.string().nullable().describe('The nearest deadline, if any (YYYY-MM-DD, China time)'),
});
export type WaitingEntry = z.infer<typeof ZWaitingItem>;

/** An activity of today or this week, as the workbench lists it. */
export const ZWorkbenchActivity = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  centreId: z.string(),
  centreName: z.string(),
  place: z.string().nullable(),
  status: z.string(),
});
export type WorkbenchActivity = z.infer<typeof ZWorkbenchActivity>;

export const ZWorkbench = z.object({
  node: ZNode,
  /** The nodes the user holds a role on (a choice when there are several). */
  nodes: z.array(ZNode),
  numbersOnly: z.boolean().describe('A leader: the numbers, no waiting list, no actions'),
  today: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  week: z.object({ from: z.string(), to: z.string() }).describe('Monday to Sunday, China time'),
  /** Null for a leader. */
  waiting: z.array(ZWaitingItem).nullable(),
  /** This month's indicators of the node, judged against the county's targets, with what they are called. */
  indicators: z.array(
    ZIndicatorValue.extend({
      label: z.object({ zh: z.string(), en: z.string() }),
      unit: z.enum(['count', 'hours', 'percent', 'points', 'yuan']),
    }),
  ),
  /** Centres below (or at) the node that have not held their activities this month so far. */
  missedCentres: z.object({
    judged: z.boolean().describe('False: no target for activities per month at centres'),
    threshold: z.number().nullable(),
    centres: z.array(z.object({ id: z.string(), name: z.string(), townName: z.string().nullable(), held: z.number() })),
    of: z.number().int().describe('Centres below the node'),
  }),
  activities: z.object({
    today: z.array(ZWorkbenchActivity),
    week: z.array(ZWorkbenchActivity),
    weekTotal: z.number().int(),
  }),
  actions: z.array(z.enum(Object.keys(QUICK_ACTIONS) as [QuickAction, ...QuickAction[]])),
});
export type Workbench = z.infer<typeof ZWorkbench>;

export const ZWorkbenchQuery = z.object({
  nodeId: zId.optional().describe('One of the user’s nodes or a node below; none: the highest they hold'),
});
export type WorkbenchQuery = z.infer<typeof ZWorkbenchQuery>;

export const workbenchApi = defineEndpoints('workbench', {
  get: {
    method: 'GET',
    path: '/api/workbench',
    summary:
      'The first screen: what waits for the user, this month’s indicators, centres behind, the week’s activities',
    policy: { roles: WORKBENCH_ROLES },
    query: ZWorkbenchQuery,
    responses: { 200: ZWorkbench },
  },
});
