import { OK, route, staffCtx, type RouteApp } from '../../server/route';
import { sendAttachment } from '../files';
import { readCourseMaterial } from './course-load';
import { getCourseRules, setCourseRules } from './course-rules.service';
import { featureCourse, reviewCourse, submitCourse } from './course-review.service';
import { coursesApi } from './courses.contract';
import { createCourse, findCourses, getCourse, removeCourse, updateCourse } from './courses.service';

/** Course rules, courses and their review: each endpoint as its contract declares it. */
export const courseRoutes = async (app: RouteApp) => {
  const ctx = staffCtx(app);

  route(app, coursesApi.rules, (req) => getCourseRules({ ...ctx(req), nodeId: req.params.nodeId }));
  route(app, coursesApi.setRules, (req) => setCourseRules({ ...ctx(req), nodeId: req.params.nodeId, input: req.body }));

  route(app, coursesApi.list, (req) => findCourses({ ...ctx(req), query: req.query }));
  route(app, coursesApi.one, (req) => getCourse({ ...ctx(req), id: req.params.id }));
  route(app, coursesApi.material, async (req, reply) => {
    const { row, bytes } = await readCourseMaterial({
      ...ctx(req),
      courseId: req.params.id,
      fileId: req.params.fileId,
    });
    return sendAttachment(reply, row, bytes);
  });
  route(app, coursesApi.create, (req) => createCourse({ ...ctx(req), input: req.body }));
  route(app, coursesApi.update, async (req) => {
    await updateCourse({ ...ctx(req), id: req.params.id, input: req.body });
    return getCourse({ ...ctx(req), id: req.params.id });
  });
  route(app, coursesApi.remove, async (req) => {
    await removeCourse({ ...ctx(req), id: req.params.id });
    return OK;
  });

  route(app, coursesApi.submit, async (req) => {
    await submitCourse({ ...ctx(req), id: req.params.id });
    return getCourse({ ...ctx(req), id: req.params.id });
  });
  route(app, coursesApi.review, async (req) => {
    await reviewCourse({ ...ctx(req), id: req.params.id, input: req.body });
    return getCourse({ ...ctx(req), id: req.params.id });
  });
  route(app, coursesApi.feature, async (req) => {
    await featureCourse({ ...ctx(req), id: req.params.id, input: req.body });
    return getCourse({ ...ctx(req), id: req.params.id });
  });
};
