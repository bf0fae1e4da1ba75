import type { Client } from './server';

/** YYYY-MM-DD, `days` from today in China's calendar. */
export function dayFromToday(days: number): string {
  const d = new Date(`${new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The body of a valid course for `nodeId`, first session 30 days ahead; override what a test needs. */
export function courseBody(nodeId: string, over: Record<string, unknown> = {}) {
  return {
    nodeId,
    title: '老年人防诈骗讲座',
    theme: 'law',
    targetGroups: ['elderly'],
    form: 'lecture',
    hours: 2,
    credits: 1,
    descriptionHtml: '<p>识别常见骗局</p>',
    firstSessionDate: dayFromToday(30),
    teacherIds: [],
    fileIds: [],
    ...over,
  };
}

/** Creates a course through the API and returns its id (fails the test on anything but 201). */
export async function createCourse(c: Client, nodeId: string, over: Record<string, unknown> = {}): Promise<string> {
  const r = await c.req('POST', '/api/courses', courseBody(nodeId, over));
  if (r.statusCode !== 201) throw new Error(`create course: ${r.statusCode} ${r.body}`);
  return r.json().id;
}

/** Creates and submits a course; returns its id. */
export async function submittedCourse(c: Client, nodeId: string, over: Record<string, unknown> = {}): Promise<string> {
  const id = await createCourse(c, nodeId, over);
  const r = await c.req('POST', `/api/courses/${id}/submit`);
  if (r.statusCode !== 200) throw new Error(`submit course: ${r.statusCode} ${r.body}`);
  return id;
}
