import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineEndpoints, fillPath, queryString, successStatus } from './endpoint';

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
