import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineEndpoints, fillPath, queryString, resourceEndpoints, rulesEndpoints, successStatus } from './endpoint';
import { ZCreated, ZIdParams, ZOk } from './schemas';

const api = defineEndpoints('things', {
  one: {
    method: 'GET',
    path: '/api/things/:id',
    summary: 'One thing',
    policy: { authenticated: true },
    params: z.object({ id: z.string() }),
    responses: { 200: z.object({ id: z.string() }) },
  },
  create: {
    method: 'POST',
    path: '/api/things',
    summary: 'Add a thing',
    policy: { authenticated: true },
    body: z.object({ name: z.string() }),
    responses: { 201: z.object({ id: z.string() }) },
  },
  file: {
    method: 'GET',
    path: '/api/things/:id/file',
    summary: 'A file',
    policy: { public: true },
    produces: 'text/csv',
  },
});

describe('endpoint declarations', () => {
  it('stamp the module tag on every endpoint and keep the spec', () => {
    expect(api.one.tag).toBe('things');
    expect(api.create).toMatchObject({ method: 'POST', path: '/api/things', tag: 'things' });
  });

  it('declare a resource set: reads under the read policy, writes under the write one, :id where one item', () => {
    const read = { authenticated: true } as const;
    const write = { roles: ['county_admin'] } as const;
    const Q = z.object({ q: z.string().optional() });
    const B = z.object({ name: z.string() });
    const set = resourceEndpoints(
      '/api/things',
      { read, write },
      {
        list: ['Things', Q, z.object({ items: z.array(B) })],
        one: ['One thing', B],
        create: ['Add a thing', B],
        update: ['Edit a thing', B],
        remove: 'Remove a thing',
      },
    );
    expect(Object.keys(set)).toEqual(['list', 'one', 'create', 'update', 'remove']);
    const seen = Object.values(set).map((e) => [e.method, e.path, e.policy, successStatus(e)]);
    expect(seen).toEqual([
      ['GET', '/api/things', read, 200],
      ['GET', '/api/things/:id', read, 200],
      ['POST', '/api/things', write, 201],
      ['PUT', '/api/things/:id', write, 200],
      ['DELETE', '/api/things/:id', write, 200],
    ]);
    expect([set.list.query, set.one.params, set.create.body, set.update.params]).toEqual([Q, ZIdParams, B, ZIdParams]);
    expect([set.create.responses[201], set.update.responses[200], set.remove.responses[200]]).toEqual([
      ZCreated,
      ZOk,
      ZOk,
    ]);
    const { update } = resourceEndpoints('/api/things', { write }, { update: ['Edit', B, B] });
    expect([update.policy, update.responses[200]]).toEqual([write, B]);
  });

  it('declare a rules pair: read and replace at one path', () => {
    const P = z.object({ countyId: z.string() });
    const R = z.object({ days: z.number() });
    const pair = rulesEndpoints(
      '/api/x-rules/:countyId',
      P,
      { read: { authenticated: true }, write: { roles: ['county_admin'] } },
      ['Rules', R],
      ['Set', R, R],
    );
    expect(Object.values(pair).map((e) => [e.method, e.path, e.params, e.policy])).toEqual([
      ['GET', '/api/x-rules/:countyId', P, { authenticated: true }],
      ['PUT', '/api/x-rules/:countyId', P, { roles: ['county_admin'] }],
    ]);
    expect([pair.rules.responses[200], pair.setRules.body, pair.setRules.responses[200]]).toEqual([R, R, R]);
  });

  it('know their success status (200 unless declared)', () => {
    expect(successStatus(api.one)).toBe(200);
    expect(successStatus(api.create)).toBe(201);
    expect(successStatus(api.file)).toBe(200);
  });

  it('fill path parameters, encoded, and refuse a missing one', () => {
    expect(fillPath(api.one.path, { id: 'a/b c' })).toBe('/api/things/a%2Fb%20c');
    expect(() => fillPath(api.one.path, {})).toThrow(/missing path parameter id/);
    expect(() => fillPath(api.one.path, { id: '' })).toThrow(/missing path parameter id/);
  });

  it('build query strings without empty values; arrays repeat the key', () => {
    expect(queryString({ q: '李', page: 2, role: undefined, nodeId: '', none: null })).toBe('?q=%E6%9D%8E&page=2');
    expect(queryString({ tag: ['a', 'b'] })).toBe('?tag=a&tag=b');
    expect(queryString({})).toBe('');
    expect(queryString(undefined)).toBe('');
  });
});
