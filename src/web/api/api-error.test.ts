import { describe, expect, it } from 'vitest';
import { toApiError } from './api-error';
import { withQuery } from './client';
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

  it('builds query strings without empty values', () => {
    expect(withQuery('/api/users', { q: '李', page: 2, role: undefined, nodeId: '' })).toBe(
      '/api/users?q=%E6%9D%8E&page=2',
    );
    expect(withQuery('/api/users', {})).toBe('/api/users');
  });

  it('turns issue paths into antd name paths', () => {
    expect(toNamePath('leaders.0.name')).toEqual(['leaders', 0, 'name']);
    expect(toNamePath('divisionCode')).toEqual(['divisionCode']);
  });
});
