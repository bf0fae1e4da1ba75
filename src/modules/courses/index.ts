// The public surface of courses: what the modules above it (activities) may call.
// The routes plugin is not here: src/server/modules.ts imports courses.routes.ts itself.
import { holdsRoleOver } from '../../shared/actor';
import { registerUploadPurpose } from '../files';
import { COURSE_EDITOR_ROLES } from './courses.policy';

export { approvedCourses, courseRefs } from './course-refs.service';
// The rich-text allowlist (the awards' 事迹材料 is sanitised with it too).
export { sanitizeCourseHtml as sanitizeRichText } from './course-html';

// Who may upload course material (files sits below courses and asks the owner).
registerUploadPurpose('course_material', {
  roles: COURSE_EDITOR_ROLES,
  canUpload: (actor, node) => holdsRoleOver(actor, COURSE_EDITOR_ROLES, node.path),
});
import './courses.waiting';

// Its routes, registered by src/server/modules.ts.
export { courseRoutes } from './courses.routes';
