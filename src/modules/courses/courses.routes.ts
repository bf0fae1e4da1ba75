import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ROLES } from '../../shared/roles';
import { sendAttachment } from '../files/files.http';
import { readCourseMaterial } from './course-load';
import { getCourseRules, setCourseRules } from './course-rules.service';
import { featureCourse, reviewCourse, submitCourse } from './course-review.service';
import {
  COURSE_EDITOR_ROLES,
  COURSE_REVIEWER_ROLES,
  ZCourseCreate,
  ZCourseDetail,
  ZCoursePage,
  ZCourseQuery,
  ZCourseRules,
  ZCourseRulesUpdate,
  ZCourseUpdate,
  ZFeatureInput,
  ZIdParams,
  ZNodeParams,
  ZReviewInput,
} from './courses.contract';
import { createCourse, findCourses, getCourse, removeCourse, updateCourse } from './courses.service';
import { ZCountyParams, ZThemeList, ZThemeQuery, ZThemesUpdate } from './themes.contract';
import { getThemeList, updateThemes } from './themes.service';
import { THEME_EDITOR_ROLES } from './courses.roles';

const ZOk = z.object({ ok: z.literal(true) });

/** Themes per county, course rules, courses and their review. */
export const courseRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ['courses'];
  const anyRole = { roles: ROLES };
  const editors = { roles: COURSE_EDITOR_ROLES };
  const reviewers = { roles: COURSE_REVIEWER_ROLES };

  app.get(
    '/api/themes',
    {
      config: { policy: anyRole },
      schema: {
        tags,
        summary: 'The county’s theme list with lead departments (the defaults until the county edits it)',
        querystring: ZThemeQuery,
        response: { 200: ZThemeList },
      },
    },
    async (req) => getThemeList({ db: db(), actor: req.actor!, countyId: req.query.countyId }),
  );

  app.put(
    '/api/themes/:countyId',
    {
      config: { policy: { roles: THEME_EDITOR_ROLES } },
      schema: {
        tags,
        summary: 'Save the county’s whole theme list: order, names, active, lead departments (county admins)',
        params: ZCountyParams,
        body: ZThemesUpdate,
        response: { 200: ZThemeList },
      },
    },
    async (req) => {
      await updateThemes({ db: db(), actor: req.actor!, countyId: req.params.countyId, input: req.body });
      return getThemeList({ db: db(), actor: req.actor!, countyId: req.params.countyId });
    },
  );

  app.get(
    '/api/course-rules/:nodeId',
    {
      config: { policy: anyRole },
      schema: {
        tags,
        summary: 'Review lead days (county) and featured courses per centre (town) in force at a county or town',
        params: ZNodeParams,
        response: { 200: ZCourseRules },
      },
    },
    async (req) => getCourseRules({ db: db(), actor: req.actor!, nodeId: req.params.nodeId }),
  );

  app.put(
    '/api/course-rules/:nodeId',
    {
      config: { policy: reviewers },
      schema: {
        tags,
        summary: 'Set the review lead days (county admins) or the featured limit per centre (town admins)',
        params: ZNodeParams,
        body: ZCourseRulesUpdate,
        response: { 200: ZCourseRules },
      },
    },
    async (req) => setCourseRules({ db: db(), actor: req.actor!, nodeId: req.params.nodeId, input: req.body }),
  );

  app.get(
    '/api/courses',
    {
      config: { policy: anyRole },
      schema: {
        tags,
        summary: 'Courses I may read, filtered and paged; toReview=true gives my 待审核 list',
        querystring: ZCourseQuery,
        response: { 200: ZCoursePage },
      },
    },
    async (req) => findCourses({ db: db(), actor: req.actor!, query: req.query }),
  );

  app.get(
    '/api/courses/:id',
    {
      config: { policy: anyRole },
      schema: {
        tags,
        summary: 'One course with teachers, materials, review history and what I may do',
        params: ZIdParams,
        response: { 200: ZCourseDetail },
      },
    },
    async (req) => getCourse({ db: db(), actor: req.actor!, id: req.params.id }),
  );

  app.get(
    '/api/courses/:id/materials/:fileId',
    {
      config: { policy: anyRole },
      schema: {
        tags,
        summary: 'A material of the course, as an attachment',
        params: ZIdParams.extend({ fileId: ZIdParams.shape.id }),
      },
    },
    async (req, reply) => {
      const { row, bytes } = await readCourseMaterial({
        db: db(),
        actor: req.actor!,
        courseId: req.params.id,
        fileId: req.params.fileId,
      });
      return sendAttachment(reply, row, bytes);
    },
  );

  app.post(
    '/api/courses',
    {
      config: { policy: editors },
      schema: {
        tags,
        summary: 'Create a course (a draft) for a node',
        body: ZCourseCreate,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await createCourse({ db: db(), actor: req.actor!, input: req.body })),
  );

  app.put(
    '/api/courses/:id',
    {
      config: { policy: editors },
      schema: {
        tags,
        summary: 'Edit a draft or returned course',
        params: ZIdParams,
        body: ZCourseUpdate,
        response: { 200: ZCourseDetail },
      },
    },
    async (req) => {
      await updateCourse({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
      return getCourse({ db: db(), actor: req.actor!, id: req.params.id });
    },
  );

  app.delete(
    '/api/courses/:id',
    {
      config: { policy: editors },
      schema: {
        tags,
        summary: 'Delete a draft or returned course that no activity uses',
        params: ZIdParams,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await removeCourse({ db: db(), actor: req.actor!, id: req.params.id });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/courses/:id/submit',
    {
      config: { policy: editors },
      schema: {
        tags,
        summary: 'Submit for review, at least N days (county rule, default 15) before the first session',
        params: ZIdParams,
        response: { 200: ZCourseDetail },
      },
    },
    async (req) => {
      await submitCourse({ db: db(), actor: req.actor!, id: req.params.id });
      return getCourse({ db: db(), actor: req.actor!, id: req.params.id });
    },
  );

  app.post(
    '/api/courses/:id/review',
    {
      config: { policy: reviewers },
      schema: {
        tags,
        summary: 'Approve, or return with a comment (the town’s reviewers; never one’s own course)',
        params: ZIdParams,
        body: ZReviewInput,
        response: { 200: ZCourseDetail },
      },
    },
    async (req) => {
      await reviewCourse({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
      return getCourse({ db: db(), actor: req.actor!, id: req.params.id });
    },
  );

  app.post(
    '/api/courses/:id/featured',
    {
      config: { policy: reviewers },
      schema: {
        tags,
        summary:
          'Make an approved course a centre’s featured course (精品课堂), within the town’s limit; centreId null removes it',
        params: ZIdParams,
        body: ZFeatureInput,
        response: { 200: ZCourseDetail },
      },
    },
    async (req) => {
      await featureCourse({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
      return getCourse({ db: db(), actor: req.actor!, id: req.params.id });
    },
  );
};
