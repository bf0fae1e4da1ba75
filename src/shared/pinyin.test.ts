import { describe, expect, it } from 'vitest';
import { nameSearchKeys } from './pinyin';

describe('name search keys', () => {
  it('gives full pinyin and initials, with surname readings', () => {
    expect(nameSearchKeys('张三')).toEqual({ pinyin: 'zhangsan', initials: 'zs' });
    expect(nameSearchKeys('单雄信').pinyin).toBe('shanxiongxin');
    expect(nameSearchKeys('吕小雨')).toEqual({ pinyin: 'lvxiaoyu', initials: 'lxy' });
  });

  it('leaves out the middle dot and characters it cannot read', () => {
    expect(nameSearchKeys('阿依·木拉提').initials).toBe('aymlt');
    expect(nameSearchKeys('𠮷田').pinyin).toBe('tian');
  });
});
