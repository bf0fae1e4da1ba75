// Every module's public surface is loaded here, before any route: a module registers there what
// the modules below it ask of it (who may upload for its purpose, its domain-event listeners).
import '../modules/courses';
import '../modules/activities';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authRoutes } from '../modules/accounts/auth.routes';
import { setupRoutes } from '../modules/accounts/setup.routes';
import { creditRoutes } from '../modules/credits/credits.routes';
import { activityRoutes } from '../modules/activities/activities.routes';
import { userRoutes } from '../modules/accounts/user.routes';
import { auditRoutes } from '../modules/audit/audit.routes';
import { courseRoutes } from '../modules/courses/courses.routes';
import { fileRoutes } from '../modules/files/files.routes';
import { importRoutes } from '../modules/imports/imports.routes';
import { orgRoutes } from '../modules/organisations/org.routes';
import { peopleRoutes } from '../modules/people/people.routes';
import { planRoutes } from '../modules/plans/plans.routes';
import { settingsRoutes } from '../modules/settings/settings.routes';
import { teacherRoutes } from '../modules/teachers/teachers.routes';
import { signInRoutes } from '../modules/signin/signin.routes';
import { portalRoutes } from '../modules/portal/portal.routes';
import { themeRoutes } from '../modules/themes/themes.routes';
import { indicatorRoutes } from '../modules/indicators/indicators.routes';
import { workbenchRoutes } from '../modules/workbench/workbench.routes';
import { reportRoutes } from '../modules/reports/reports.routes';
// Public surfaces that register domain-event listeners (src/server/events.ts).
import '../modules/signin';
import '../modules/reports';

/**
 * Every module's routes, registered in this order. A new module adds one import and one
 * entry here (one line each, so modules built side by side do not collide).
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
];
