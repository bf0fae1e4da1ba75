// The public surface of courses: what the modules above it (activities) may call.
// The routes plugin is not here: src/server/modules.ts imports courses.routes.ts itself.
export { approvedCourses, courseRefs } from './course-refs.service';
