import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { multipartFile, tinyPdf } from '../../test/file-factories';
import { findNul } from './validation';
import { useWorldServer } from '../../test/server-fixture';

/**
 * A hostile user with a real account: NUL characters and oversized bodies, sent to every
 * route the app serves. Nothing may answer 500; NUL is refused before any schema or service.
 */
const { s, w, clients } = useWorldServer('a_county_admin');
const [admin] = clients;

type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  items?: Schema;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  default?: unknown;
};
type Operation = {
  parameters?: { in: string; name: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};

const NUL = 'x\u0000y';

/** Ids that reach real rows, so a request gets past "not found" to the code that stores text. */
function idFor(name: string): string {
  if (/^(countyId)$/.test(name)) return w.nodes.A.id;
  if (/^(townId)$/.test(name)) return w.nodes.A1.id;
  if (/node|parent|centre|home|id$/i.test(name)) return w.nodes.A1a.id;
  return crypto.randomUUID();
}

/** A value that passes the schema where it can, with a NUL in every free text. */
function sample(schema: Schema, name: string): unknown {
  const branches = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (branches) return sample(branches.find((b) => b.type !== 'null') ?? branches[0], name);
  if (schema.enum) return schema.enum[0];
  const type = [schema.type].flat().find((t) => t !== 'null');
  switch (type) {
    case 'string':
      if (schema.format === 'uuid') return idFor(name);
      if (schema.format === 'date') return '2026-12-07';
      if (schema.format === 'date-time') return '2026-12-07T02:00:00.000Z';
      return NUL.padEnd(schema.minLength ?? 0, 'z');
    case 'integer':
    case 'number':
      return Math.max(
        schema.minimum ?? 1,
        Math.min(schema.maximum ?? 1, typeof schema.default === 'number' ? schema.default : 1),
      );
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () =>
        sample(schema.items ?? { type: 'string' }, name),
      );
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, sample(v, k)]));
    default:
      return NUL;
  }
}

type Probe = { route: string; what: string; method: string; url: string; body?: unknown };

/** Three probes per route: NUL in the path parameters, in the query, and in the body. */
function probes(): Probe[] {
  const spec = s.app.swagger() as { paths: Record<string, Record<string, Operation>> };
  const out: Probe[] = [];
  for (const r of s.app.routeTable) {
    const route = `${r.method} ${r.url}`;
    const op = spec.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()] ?? {};
    const params = op.parameters ?? [];
    const path = (nul: boolean) =>
      r.url.replace(/:(\w+)/g, (_, p: string) =>
        nul ? encodeURIComponent(NUL) : p === 'year' ? '2026' : p === 'token' || p === 'code' ? 'abc' : idFor(p),
      );
    const query = new URLSearchParams({ q: NUL });
    for (const p of params.filter((x) => x.in === 'query')) query.set(p.name, String(sample(p.schema, p.name)));
    const schema = op.requestBody?.content['application/json']?.schema;
    let body = schema ? sample(schema, '') : undefined;
    // A body of numbers and ids only still gets a NUL, in a field of its own.
    if (body && typeof body === 'object' && findNul(body) === null) body = { ...body, note: NUL };
    if (r.url.includes(':'))
      out.push({ route, what: 'path', method: r.method, url: path(true), body: r.method === 'GET' ? undefined : {} });
    out.push({
      route,
      what: 'query',
      method: r.method,
      url: `${path(false)}?${query}`,
      body: r.method === 'GET' || r.method === 'DELETE' ? undefined : (body ?? {}),
    });
    if (r.method !== 'GET')
      out.push({ route, what: 'body', method: r.method, url: path(false), body: body ?? { note: NUL } });
  }
  // Signing out ends the session the other probes use: last (if the gate let it through).
  return out.sort((a, b) => Number(a.url.includes('logout')) - Number(b.url.includes('logout')));
}

describe('NUL (U+0000) anywhere in a request', () => {
  it('is refused with VALIDATION_FAILED by every route, for a signed-in county admin — never a 500', async () => {
    const all = probes();
    const routes = new Set(all.map((p) => p.route));
    const wrong: string[] = [];
    for (const p of all) {
      const res = await admin.req(p.method, p.url, p.body).catch((err: Error) => err);
      if (res instanceof Error) {
        wrong.push(`${p.route} (${p.what}): ${res.message}`);
        continue;
      }
      const err = res.headers['content-type']?.toString().startsWith('application/json') ? res.json().error : undefined;
      if (res.statusCode !== 400 || err?.code !== 'VALIDATION_FAILED' || !/NUL/.test(err.issues?.[0]?.messageEn)) {
        wrong.push(
          `${p.route} (${p.what}): ${res.statusCode} ${String(res.headers['content-type'])} ${res.body.slice(0, 160)}`,
        );
      }
    }
    console.info(`NUL probes: ${all.length} requests over ${routes.size} routes`);
    expect(wrong).toEqual([]);
    expect(routes.size).toBe(s.app.routeTable.length);
  }, 120_000);

  it('names the field and says it in both languages; the login form too, signed out', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'admin\u0000', password: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [
        { path: 'login', message: '不能包含空字符（U+0000）', messageEn: 'Must not contain a NUL character (U+0000)' },
      ],
    });
    const search = await admin.req('GET', '/api/residents?q=%00');
    expect(search.statusCode).toBe(400);
    expect(search.json().error.issues[0].path).toBe('q');
    const nested = await admin.req('POST', '/api/org/nodes', {
      parentId: w.nodes.A1.id,
      level: 'centre',
      name: '村',
      extra: [{ deep: ['ok', 'a\u0000'] }],
    });
    expect(nested.json().error.issues[0].path).toBe('extra.0.deep.1');
  });

  it('in an uploaded file name is removed from the stored name (with direction and control characters)', async () => {
    const { payload, headers } = multipartFile('re\u0000port\u202Efdp.exe\u0007.pdf', tinyPdf(), 'application/pdf');
    const res = await admin.req(
      'POST',
      `/api/files?nodeId=${w.nodes.A1a.id}&purpose=course_material`,
      payload,
      headers,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().originalName).toBe('reportfdp.exe.pdf');
  });
});

describe('a body over the limit', () => {
  it('answers 413 with the limit in both languages (JSON)', async () => {
    const res = await admin.req('POST', '/api/org/nodes', {
      parentId: w.nodes.A1.id,
      level: 'centre',
      name: 'x'.repeat(1024 * 1024 + 10),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: '提交的内容太大，不能超过 1 MB',
      messageEn: 'What was sent is too large; the limit is 1 MB',
    });
  });

  it('answers 413 for a multipart upload with too many parts', async () => {
    const boundary = '----cedu413';
    const parts = Array.from(
      { length: 12 },
      (_, i) => `--${boundary}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nv\r\n`,
    ).join('');
    const res = await admin.req(
      'POST',
      `/api/files?nodeId=${w.nodes.A1a.id}&purpose=course_material`,
      Buffer.from(`${parts}--${boundary}--\r\n`),
      { 'content-type': `multipart/form-data; boundary=${boundary}` },
    );
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('English messages in answers', () => {
  it('a conflict answers in English in messageEn (the error handler fails any Chinese there under test)', async () => {
    const me = w.users['A:county_admin'];
    const res = await admin.req('PUT', `/api/users/${me.id}`, {
      displayName: '管理员',
      phone: null,
      homeNodeId: w.nodes.A.id,
      disabled: true,
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'CONFLICT',
      message: '数据冲突：不能停用自己的账号',
      messageEn: 'Conflict: you cannot disable your own account',
    });
  });
});

describe('control and direction characters in free text', () => {
  it('are refused in a household’s building (and named in both languages); a zero-width space is dropped', async () => {
    const bad = await admin.req('POST', '/api/households', {
      nodeId: w.nodes.A1a.id,
      headName: '张三',
      building: '1栋\u202E2单元',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toEqual([
      {
        path: 'building',
        message: '不能包含控制字符或改变文字方向的字符',
        messageEn: 'Must not contain control or text-direction characters',
      },
    ]);
    const ok = await admin.req('POST', '/api/households', {
      nodeId: w.nodes.A1a.id,
      headName: '张\u200B三',
      building: '1栋\n2单元',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const read = await admin.req('GET', `/api/households?nodeId=${w.nodes.A1a.id}`);
    expect(read.json().items).toMatchObject([{ headName: '张三', building: '1栋 2单元' }]);
  });

  it('are refused in the name typed at sign-in', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/sign-in/scan/abc',
      payload: { phone: '13800000000', name: '张\u202E三' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toMatchObject({
      path: 'name',
      messageEn: 'Must not contain control or text-direction characters',
    });
  });
});
