import { describe, expect, it } from 'vitest';
import { createCourse, submittedCourse } from '../../../test/course-factories';
import type { Client } from '../../../test/server';
import { useWorldServer } from '../../../test/server-fixture';
import { approvedCourses, courseRefs } from '.';

const { s, w, clients } = useWorldServer('a_dept_coordinator', 'a_town_admin', 'b_dept_coordinator', 'b_town_admin');
const [dept, town, bDept, bTown] = clients;

const approve = async (c: Client, id: string) =>
  expect((await c.req('POST', `/api/courses/${id}/review`, { decision: 'approve' })).statusCode).toBe(200);

describe('courses/index.ts (what activities reads of courses)', () => {
  it('approvedCourses: only the county’s approved courses, in title order, hours and credits as numbers', async () => {
    const draft = await createCourse(dept, w.nodes.A1u.id, { title: '乙 草稿' });
    const waiting = await submittedCourse(dept, w.nodes.A1u.id, { title: '甲 待审核' });
    const b = await submittedCourse(dept, w.nodes.A1u.id, { title: 'B 课程', hours: 1.5, credits: 0.5 });
    const a = await submittedCourse(dept, w.nodes.A1u.id, { title: 'A 课程' });
    await approve(town, b);
    await approve(town, a);
    const other = await submittedCourse(bDept, w.nodes.B1u.id, { title: 'A 外县课程' });
    await approve(bTown, other);

    const list = await approvedCourses(s.database.db, w.nodes.A.id, 10);
    expect(list).toEqual([
      { id: a, title: 'A 课程', theme: 'law', form: 'lecture', hours: 2, credits: 1 },
      { id: b, title: 'B 课程', theme: 'law', form: 'lecture', hours: 1.5, credits: 0.5 },
    ]);
    expect(await approvedCourses(s.database.db, w.nodes.A.id, 1)).toHaveLength(1);

    const refs = await courseRefs(s.database.db, [draft, waiting, other, crypto.randomUUID()]);
    expect(refs.sort((x, y) => x.title.localeCompare(y.title))).toEqual([
      { id: other, title: 'A 外县课程', countyId: w.nodes.B.id, status: 'approved' },
      { id: draft, title: '乙 草稿', countyId: w.nodes.A.id, status: 'draft' },
      { id: waiting, title: '甲 待审核', countyId: w.nodes.A.id, status: 'submitted' },
    ]);
    expect(await courseRefs(s.database.db, [])).toEqual([]);
  });
});
