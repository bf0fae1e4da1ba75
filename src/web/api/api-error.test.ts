import { describe, expect, it } from 'vitest';
import { toApiError } from './api-error';
import { call, setCsrfToken, urlOf } from './client';
import { teachersApi } from '../../modules/teachers/teachers.contract';
import { toNamePath } from '../components/form-errors';

describe('api client helpers', () => {
  it('parses the error body into a typed ApiError', () => {
    const err = toApiError(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: '填写的内容有误',
        messageEn: 'Some fields are not valid',
        issues: [{ path: 'leaders.0.name', message: '此项必填', messageEn: 'Required' }],
      },
    });
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.text('zh-CN')).toBe('填写的内容有误');
    expect(err.text('en-US')).toBe('Some fields are not valid');
    expect(err.issues[0].path).toBe('leaders.0.name');
  });

  it('copes with a body that is not ours (a proxy page, nothing)', () => {
    const err = toApiError(502, '<html>Bad gateway</html>');
    expect(err.code).toBe('BAD_RESPONSE');
    expect(err.text('zh-CN')).toContain('502');
  });

  it('knows a signed-out answer', () => {
    expect(toApiError(401, { error: { code: 'SESSION_EXPIRED', message: 'x', messageEn: 'x' } }).isSignedOut).toBe(
      true,
    );
    expect(toApiError(401, { error: { code: 'LOGIN_FAILED', message: 'x', messageEn: 'x' } }).isSignedOut).toBe(false);
  });

  it("builds an endpoint's URL from its declaration: path parameters and the query without empty values", () => {
    expect(urlOf(teachersApi.list, { query: { q: '李', page: 2, pageSize: 20, status: undefined } })).toBe(
      '/api/teachers?q=%E6%9D%8E&page=2&pageSize=20',
    );
    expect(urlOf(teachersApi.one, { params: { id: 'x1' } })).toBe('/api/teachers/x1');
  });

  it('calls an endpoint with its method, path, JSON body and CSRF header, and returns the answer', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      seen.push({ url, init });
      return new Response(JSON.stringify({ id: 'new' }), { status: 201 });
    }) as typeof fetch;
    setCsrfToken('tok-1');
    try {
      const body = { bankNodeId: 'b1', name: '王老师', category: 'part_time', source: 'teacher' } as const;
      const out = await call(teachersApi.create, { body: body as never });
      expect(out).toEqual({ id: 'new' });
      expect(seen[0].url).toBe('/api/teachers');
      expect(seen[0].init.method).toBe('POST');
      expect(JSON.parse(String(seen[0].init.body))).toEqual(body);
      expect((seen[0].init.headers as Record<string, string>)['x-csrf-token']).toBe('tok-1');
      await expect(call(teachersApi.one, { params: { id: '' } })).rejects.toThrow(/missing path parameter/);
    } finally {
      setCsrfToken(null);
      globalThis.fetch = realFetch;
    }
  });

  it('turns issue paths into antd name paths', () => {
    expect(toNamePath('leaders.0.name')).toEqual(['leaders', 0, 'name']);
    expect(toNamePath('divisionCode')).toEqual(['divisionCode']);
  });
});
