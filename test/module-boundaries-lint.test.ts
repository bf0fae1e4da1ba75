import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The module-boundary blocks of eslint.config.js (docs/ARCHITECTURE.md, "Module map"), run through
// ESLint's Node API on snippets placed (not written) in real module folders: teachers imports courses.
const ROOT = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: path.join(ROOT, 'eslint.config.js') });
const RULE = '@typescript-eslint/no-restricted-imports';

/** The boundary messages ESLint gives for code at file (relative to the repo root). */
async function boundaryErrors(code: string, file = 'src/modules/teachers/probe.service.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return result.messages.filter((m) => m.ruleId === RULE).map((m) => `${m.line}: ${m.message}`);
}

describe('module boundaries in eslint.config.js', () => {
  it("refuses a server import of another module's service, naming the rule and the docs", async () => {
    const errors = await boundaryErrors("export { listCourses } from '../courses/courses.service';\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^1: .*Module boundary \(docs\/ARCHITECTURE\.md, "Module map"\): server code of a module/,
    );
    const roundabout = "export { listCourses } from '../../modules/courses/courses.service';\n";
    expect(await boundaryErrors(roundabout)).toHaveLength(1);
  });

  it("allows another module's index, contracts and policies, and the module's own files", async () => {
    const code = [
      "export { courseRoutes } from '../courses';",
      "export { courseRoutes as again } from '../courses/index';",
      "export { ZCourse } from '../courses/courses.contract';",
      "export { canEditCourse } from '../courses/courses.policy';",
      "export { teachers } from './teachers.table';",
      "export { listTeachers } from './teachers.service';",
      "export { AppError } from '../../shared/app-error';",
    ].join('\n');
    expect(await boundaryErrors(code)).toEqual([]);
  });

  it("allows another module's table as `import type` or from a table file, refuses a value import elsewhere", async () => {
    const typeOnly = "import type { courses } from '../courses/courses.table';\nexport type C = typeof courses;\n";
    expect(await boundaryErrors(typeOnly)).toEqual([]);
    const value = "import { courses } from '../courses/courses.table';\nexport const c = courses;\n";
    const errors = await boundaryErrors(value);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^1: .*Module boundary .*only as `import type`/);
    expect(await boundaryErrors(value, 'src/modules/teachers/probe.table.ts')).toEqual([]);
    // …but a table file still may not reach another module's service.
    const service = "export { listCourses } from '../courses/courses.service';\n";
    expect(await boundaryErrors(service, 'src/modules/teachers/probe.table.ts')).toHaveLength(1);
  });

  it('holds the app around the modules to the same surfaces: src/server through index.ts, src/web through web/index.ts', async () => {
    const server = 'src/server/probe.ts';
    expect(await boundaryErrors("export { courseRoutes } from '../modules/courses';\n", server)).toEqual([]);
    const deep = await boundaryErrors(
      "export { listCourses } from '../../modules/courses/courses.service';\n",
      'src/server/auth/probe.ts',
    );
    expect(deep).toHaveLength(1);
    expect(deep[0]).toMatch(/^1: .*Module boundary .*the app around the modules/);
    const table = "import { courses } from '../modules/courses/courses.table';\nexport const c = courses;\n";
    expect(await boundaryErrors(table, server)).toHaveLength(1);
    expect(await boundaryErrors(table, 'src/db/schema.ts')).toEqual([]);
    const web = 'src/web/layout/probe.tsx';
    expect(await boundaryErrors("export { coursesScreens } from '../../modules/courses/web';\n", web)).toEqual([]);
    const page = await boundaryErrors("export { CoursesPage } from '../../modules/courses/web/courses-page';\n", web);
    expect(page).toHaveLength(1);
    expect(page[0]).toMatch(/^1: .*Module boundary .*the web app shell/);
  });

  it('exempts tests and demo files', async () => {
    const code = "export { listCourses } from '../courses/courses.service';\n";
    expect(await boundaryErrors(code, 'src/modules/teachers/probe.test.ts')).toEqual([]);
    expect(await boundaryErrors(code, 'src/modules/teachers/probe.demo.ts')).toEqual([]);
  });

  it("web code imports another module's contract and web/index only", async () => {
    const file = 'src/modules/teachers/web/probe-page.tsx';
    const code = [
      "export { ZCourse } from '../../courses/courses.contract';",
      "export { CoursesPage } from '../../courses/web';",
      "export { CourseTags } from '../../courses/web/course-tags';",
      "export { courseRoutes } from '../../courses';",
    ].join('\n');
    const errors = await boundaryErrors(code, file);
    expect(errors.map((e) => e.split(':')[0])).toEqual(['3', '4']);
    expect(errors[0]).toMatch(/web code of a module imports another module only through its \*\.contract\.ts/);
  });
});
