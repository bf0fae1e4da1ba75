// The role lists moved into courses.policy.ts. This re-export keeps files.policy.ts's old import
// working until the files engineer or the lead switches it; then delete this file.
export { COURSE_EDITOR_ROLES } from './courses.policy';
