import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../server/db/audit.table';
import { courses } from './courses.table';
import { buildUser, TEST_PASSWORD } from '../../../test/factories';
import { courseBody, createCourse, dayFromToday, submittedCourse } from '../../../test/course-factories';
import { tinyPdf, uploadFile } from '../../../test/file-factories';
import { buildTeacher } from '../../../test/teacher-factories';
import { signIn, type Client } from '../../../test/server';
import { useWorldServer } from '../../../test/server-fixture';

const { s, w, clients } = useWorldServer('a_dept_coordinator', 'a_town_admin', 'a_county_admin', 'a_centre_manager');
const [dept, town, county, centre] = clients;
/** A second town admin of the same town. */
let town2: Client;

beforeAll(async () => {
  await buildUser(s.database, { username: 'a_town_admin_2', role: 'town_admin', node: w.nodes.A1 });
  town2 = await signIn(s.app, 'a_town_admin_2', TEST_PASSWORD);
});

describe('courses', () => {
  it('a department creates a course with teachers and materials; the description is sanitised', async () => {
    const teacher = await buildTeacher(s.database, { bank: w.nodes.A1, name: '柳老师' });
    const file = await uploadFile(dept, { nodeId: w.nodes.A1u.id }, '讲义.pdf', tinyPdf());
    expect(file.statusCode, file.body).toBe(201);
    const id = await createCourse(dept, w.nodes.A1u.id, {
      teacherIds: [teacher.id],
      fileIds: [file.json().id],
      descriptionHtml:
        '<p>内容<script>alert(1)</script></p><img src=x onerror=alert(2)><a href="javascript:alert(3)">链接</a>',
    });
    const r = await dept.req('GET', `/api/courses/${id}`);
    expect(r.statusCode).toBe(200);
    const c = r.json();
    expect(c).toMatchObject({
      status: 'draft',
      townId: w.nodes.A1.id,
      nodeName: w.nodes.A1u.name,
      themeName: '法律',
      hours: 2,
      credits: 1,
      permissions: { update: true, submit: true, review: false },
    });
    expect(c.descriptionHtml).not.toMatch(/script|onerror|javascript|<img/);
    expect(c.teachers.map((t: { name: string }) => t.name)).toEqual(['柳老师']);
    expect(c.files[0]).toMatchObject({
      originalName: '讲义.pdf',
      url: `/api/courses/${id}/materials/${file.json().id}`,
    });
    const [a] = await s.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(a.action).toBe('course.create');
  });

  it('teachers from a bank out of reach, foreign files and unknown themes are refused', async () => {
    const foreign = await buildTeacher(s.database, { bank: w.nodes.B1, name: '外县老师' });
    const r1 = await dept.req('POST', '/api/courses', courseBody(w.nodes.A1u.id, { teacherIds: [foreign.id] }));
    expect(r1.json().error.issues[0].path).toBe('teacherIds');
    const b = await signIn(s.app, 'b_county_admin', TEST_PASSWORD);
    const bf = await uploadFile(b, { nodeId: w.nodes.B1.id }, 'b.pdf', tinyPdf());
    const r2 = await dept.req('POST', '/api/courses', courseBody(w.nodes.A1u.id, { fileIds: [bf.json().id] }));
    expect(r2.json().error.issues[0].path).toBe('fileIds');
    const r3 = await dept.req('POST', '/api/courses', courseBody(w.nodes.A1u.id, { theme: 'astrology' }));
    expect(r3.json().error.issues[0].path).toBe('theme');
    expect((await dept.req('POST', '/api/courses', courseBody(w.nodes.A2u.id))).statusCode).toBe(404);
  });

  it('submission must come at least 15 days before the first session, with the date it needed', async () => {
    const first = dayFromToday(10);
    const id = await createCourse(dept, w.nodes.A1u.id, { firstSessionDate: first });
    const r = await dept.req('POST', `/api/courses/${id}/submit`);
    expect(r.statusCode).toBe(400);
    const issue = r.json().error.issues[0];
    expect(issue.path).toBe('firstSessionDate');
    expect(issue.message).toContain(`须在 ${dayFromToday(-5)} 前`);
    expect(issue.messageEn).toContain(`by ${dayFromToday(-5)}`);
    // Exactly 15 days ahead is still in time.
    const ok = await createCourse(dept, w.nodes.A1u.id, { firstSessionDate: dayFromToday(15) });
    expect((await dept.req('POST', `/api/courses/${ok}/submit`)).statusCode).toBe(200);
    const noDate = await createCourse(dept, w.nodes.A1u.id, { firstSessionDate: null });
    expect((await dept.req('POST', `/api/courses/${noDate}/submit`)).json().error.issues[0].path).toBe(
      'firstSessionDate',
    );
  });

  it('the county sets the lead days; a town admin may not', async () => {
    expect((await town.req('PUT', `/api/course-rules/${w.nodes.A.id}`, { reviewLeadDays: 30 })).statusCode).toBe(403);
    const r = await county.req('PUT', `/api/course-rules/${w.nodes.A.id}`, { reviewLeadDays: 30 });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().reviewLeadDays).toBe(30);
    const id = await createCourse(dept, w.nodes.A1u.id, { firstSessionDate: dayFromToday(20) });
    const refused = await dept.req('POST', `/api/courses/${id}/submit`);
    expect(refused.json().error.issues[0].message).toContain(`须在 ${dayFromToday(-10)} 前`);
    await county.req('PUT', `/api/course-rules/${w.nodes.A.id}`, { reviewLeadDays: 15 });
    expect((await dept.req('POST', `/api/courses/${id}/submit`)).statusCode).toBe(200);
  });

  it('nobody approves their own course; another reviewer of the town does', async () => {
    const id = await submittedCourse(town, w.nodes.A1.id, { title: '镇社区学校的课' });
    const own = await town.req('POST', `/api/courses/${id}/review`, { decision: 'approve' });
    expect(own.statusCode).toBe(403);
    expect((await town.req('GET', `/api/courses/${id}`)).json()).toMatchObject({
      status: 'submitted',
      ownCourse: true,
      permissions: { review: false },
    });
    const mine = await town.req('GET', '/api/courses?toReview=true');
    expect(mine.json().items.map((c: { id: string }) => c.id)).not.toContain(id);
    const other = await town2.req('GET', '/api/courses?toReview=true');
    expect(other.json().items.map((c: { id: string }) => c.id)).toContain(id);
    const r = await town2.req('POST', `/api/courses/${id}/review`, { decision: 'approve' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().status).toBe('approved');
    expect((await town2.req('POST', `/api/courses/${id}/review`, { decision: 'approve' })).statusCode).toBe(409);
  });

  it('a department may not review; a return needs a comment; the history shows every step', async () => {
    const id = await submittedCourse(dept, w.nodes.A1u.id);
    expect((await dept.req('POST', `/api/courses/${id}/review`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await dept.req('PUT', `/api/courses/${id}`, courseBody(w.nodes.A1u.id))).statusCode).toBe(409);
    const noComment = await town.req('POST', `/api/courses/${id}/review`, { decision: 'return' });
    expect(noComment.json().error.issues[0].path).toBe('comment');
    const ret = await town.req('POST', `/api/courses/${id}/review`, { decision: 'return', comment: '请补充讲义' });
    expect(ret.json()).toMatchObject({ status: 'returned', reviewComment: '请补充讲义' });
    expect(
      (await dept.req('PUT', `/api/courses/${id}`, courseBody(w.nodes.A1u.id, { title: '改好了' }))).statusCode,
    ).toBe(200);
    await dept.req('POST', `/api/courses/${id}/submit`);
    const done = await county.req('POST', `/api/courses/${id}/review`, { decision: 'approve', comment: '同意' });
    expect(done.json().history.map((h: { action: string }) => h.action)).toEqual([
      'approved',
      'submitted',
      'returned',
      'submitted',
    ]);
    expect(done.json().history[2]).toMatchObject({ comment: '请补充讲义', actorName: 'a_town_admin' });
  });

  it('approved courses are read across the town (materials too); drafts only by their node', async () => {
    const file = await uploadFile(dept, { nodeId: w.nodes.A1u.id }, '教案.pdf', tinyPdf());
    const draft = await createCourse(dept, w.nodes.A1u.id, { fileIds: [file.json().id] });
    expect((await centre.req('GET', `/api/courses/${draft}`)).statusCode).toBe(404);
    await dept.req('POST', `/api/courses/${draft}/submit`);
    await town.req('POST', `/api/courses/${draft}/review`, { decision: 'approve' });
    expect((await centre.req('GET', `/api/courses/${draft}`)).statusCode).toBe(200);
    expect((await centre.req('GET', `/api/files/${file.json().id}`)).statusCode).toBe(404);
    const m = await centre.req('GET', `/api/courses/${draft}/materials/${file.json().id}`);
    expect(m.statusCode).toBe(200);
    expect(m.headers['content-disposition']).toMatch(/^attachment;/);
    expect(m.headers['x-content-type-options']).toBe('nosniff');
    const other = await uploadFile(dept, { nodeId: w.nodes.A1u.id }, '别的.pdf', tinyPdf());
    expect((await centre.req('GET', `/api/courses/${draft}/materials/${other.json().id}`)).statusCode).toBe(404);
  });

  it('featured courses: at most the town’s number per centre', async () => {
    const approve = async (title: string) => {
      const id = await submittedCourse(dept, w.nodes.A1u.id, { title });
      await town.req('POST', `/api/courses/${id}/review`, { decision: 'approve' });
      return id;
    };
    const [c1, c2] = [await approve('精品一'), await approve('精品二')];
    const f1 = await town.req('POST', `/api/courses/${c1}/featured`, { centreId: w.nodes.A1a.id });
    expect(f1.statusCode, f1.body).toBe(200);
    expect(f1.json()).toMatchObject({ featured: true, featuredCentreName: w.nodes.A1a.name });
    const f2 = await town.req('POST', `/api/courses/${c2}/featured`, { centreId: w.nodes.A1a.id });
    expect(f2.statusCode).toBe(400);
    expect(f2.json().error.issues[0].message).toContain('上限 1 门');
    expect((await town.req('POST', `/api/courses/${c2}/featured`, { centreId: w.nodes.A2a.id })).statusCode).toBe(400);
    expect((await dept.req('POST', `/api/courses/${c2}/featured`, { centreId: w.nodes.A1b.id })).statusCode).toBe(403);
    expect(
      (await town.req('PUT', `/api/course-rules/${w.nodes.A1.id}`, { featuredPerCentre: 2 })).json().featuredPerCentre,
    ).toBe(2);
    expect((await town.req('POST', `/api/courses/${c2}/featured`, { centreId: w.nodes.A1a.id })).statusCode).toBe(200);
    const list = await centre.req('GET', '/api/courses?featured=true');
    expect(
      list
        .json()
        .items.map((c: { title: string }) => c.title)
        .sort(),
    ).toEqual(['精品一', '精品二']);
    // Two flags at once cannot both pass the limit.
    await town.req('PUT', `/api/course-rules/${w.nodes.A1.id}`, { featuredPerCentre: 1 });
    const [c3, c4] = [await approve('精品三'), await approve('精品四')];
    const both = await Promise.all(
      [c3, c4].map((id) => town.req('POST', `/api/courses/${id}/featured`, { centreId: w.nodes.A1b.id })),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    expect((await town.req('POST', `/api/courses/${c1}/featured`, { centreId: null })).json().featured).toBe(false);
  });

  it('lists are filtered by reach and by theme, status and town', async () => {
    const b = await signIn(s.app, 'b_county_admin', TEST_PASSWORD);
    await createCourse(b, w.nodes.B1.id, { title: '外县课程' });
    const all = await county.req('GET', '/api/courses?pageSize=200');
    expect(all.json().items.map((c: { title: string }) => c.title)).not.toContain('外县课程');
    const approved = await county.req('GET', '/api/courses?status=approved&theme=law');
    expect(
      approved
        .json()
        .items.every((c: { status: string; theme: string }) => c.status === 'approved' && c.theme === 'law'),
    ).toBe(true);
    expect((await county.req('GET', `/api/courses?townId=${w.nodes.A2.id}`)).json().total).toBe(0);
    expect((await s.database.db.select().from(courses).where(eq(courses.title, '外县课程'))).length).toBe(1);
  });

  it('drafts can be deleted by their node; approved ones cannot', async () => {
    const id = await createCourse(dept, w.nodes.A1u.id);
    expect((await centre.req('DELETE', `/api/courses/${id}`)).statusCode).toBe(404);
    expect((await dept.req('DELETE', `/api/courses/${id}`)).statusCode).toBe(200);
    const done = await submittedCourse(dept, w.nodes.A1u.id);
    await town.req('POST', `/api/courses/${done}/review`, { decision: 'approve' });
    expect((await dept.req('DELETE', `/api/courses/${done}`)).statusCode).toBe(409);
  });
});
