import { describe, expect, it } from 'vitest';
import { percentText } from './format';

describe('percentText', () => {
  it('one decimal, a tiny non-zero rate as <0.1%, zero as 0%', () => {
    expect(percentText(23.373, 'zh-CN')).toBe('23.4%');
    expect(percentText(25, 'zh-CN')).toBe('25%');
    expect(percentText(0.05, 'zh-CN')).toBe('<0.1%');
    expect(percentText(0, 'zh-CN')).toBe('0%');
    expect(percentText(1234.56, 'en-US')).toBe('1,234.6%');
  });
});
