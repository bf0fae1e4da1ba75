import { route, type RouteApp } from '../../server/route';
import { sendAttachment } from '../files';
import { readCourseMaterial } from './course-load';
import { getCourseRules, setCourseRules } from './course-rules.service';
import { featureCourse, reviewCourse, submitCourse } from './course-review.service';
import { coursesApi } from './courses.contract';
import { createCourse, findCourses, getCourse, removeCourse, updateCourse } from './courses.service';

/** Course rules, courses and their review: each endpoint as its contract declares it. */
export const courseRoutes = async (app: RouteApp) => {
  const db = () => app.database.db;

  route(app, coursesApi.rules, (req) => getCourseRules({ db: db(), actor: req.actor!, nodeId: req.params.nodeId }));
  route(app, coursesApi.setRules, (req) =>
    setCourseRules({ db: db(), actor: req.actor!, nodeId: req.params.nodeId, input: req.body }),
  );

  route(app, coursesApi.list, (req) => findCourses({ db: db(), actor: req.actor!, query: req.query }));
  route(app, coursesApi.one, (req) => getCourse({ db: db(), actor: req.actor!, id: req.params.id }));
  route(app, coursesApi.material, async (req, reply) => {
    const { row, bytes } = await readCourseMaterial({
      db: db(),
      actor: req.actor!,
      courseId: req.params.id,
      fileId: req.params.fileId,
    });
    return sendAttachment(reply, row, bytes);
  });
  route(app, coursesApi.create, (req) => createCourse({ db: db(), actor: req.actor!, input: req.body }));
  route(app, coursesApi.update, async (req) => {
    await updateCourse({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
    return getCourse({ db: db(), actor: req.actor!, id: req.params.id });
  });
  route(app, coursesApi.remove, async (req) => {
    await removeCourse({ db: db(), actor: req.actor!, id: req.params.id });
    return { ok: true as const };
  });

  route(app, coursesApi.submit, async (req) => {
    await submitCourse({ db: db(), actor: req.actor!, id: req.params.id });
    return getCourse({ db: db(), actor: req.actor!, id: req.params.id });
  });
  route(app, coursesApi.review, async (req) => {
    await reviewCourse({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
    return getCourse({ db: db(), actor: req.actor!, id: req.params.id });
  });
  route(app, coursesApi.feature, async (req) => {
    await featureCourse({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
    return getCourse({ db: db(), actor: req.actor!, id: req.params.id });
  });
};
