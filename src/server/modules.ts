// Every module's public surface (its index.ts) is loaded here, before any route is registered: a
// module registers there what the modules below it ask of it (who may upload for its purpose, its
// domain-event listeners, its waiting items), and hands over its routes plugin.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authRoutes, setupRoutes, userRoutes } from '../modules/accounts';
import { activityRoutes } from '../modules/activities';
import { auditRoutes } from '../modules/audit';
import { awardRoutes } from '../modules/awards';
import { courseRoutes } from '../modules/courses';
import { creditRoutes } from '../modules/credits';
import { fileRoutes } from '../modules/files';
import { fundingRoutes } from '../modules/funding';
import { importRoutes } from '../modules/imports';
import { indicatorRoutes } from '../modules/indicators';
import { orgRoutes } from '../modules/organisations';
import { peopleRoutes } from '../modules/people';
import { planRoutes } from '../modules/plans';
import { portalRoutes } from '../modules/portal';
import { reportRoutes } from '../modules/reports';
import { settingsRoutes } from '../modules/settings';
import { signInRoutes } from '../modules/signin';
import { surveyRoutes } from '../modules/surveys';
import { teacherRoutes } from '../modules/teachers';
import { themeRoutes } from '../modules/themes';
import { workbenchRoutes } from '../modules/workbench';

/**
 * Every module's routes, registered in this order. A new module adds one import (from its
 * index.ts) and one entry here (one line each, so modules built side by side do not collide).
 */
export const MODULE_ROUTES: FastifyPluginAsyncZod[] = [
  authRoutes,
  setupRoutes,
  orgRoutes,
  userRoutes,
  auditRoutes,
  settingsRoutes,
  peopleRoutes,
  importRoutes,
  teacherRoutes,
  creditRoutes,
  signInRoutes,
  portalRoutes,
  fileRoutes,
  themeRoutes,
  courseRoutes,
  activityRoutes,
  planRoutes,
  indicatorRoutes,
  workbenchRoutes,
  reportRoutes,
  surveyRoutes,
  fundingRoutes,
  awardRoutes,
];
