import { pinyin } from 'pinyin-pro';

/**
 * The search keys of a Chinese name: full pinyin without tones or spaces (张三 → zhangsan)
 * and the initials (zs), so a search box can find a person by either. Surnames are read
 * with their surname readings (单 → shan); letters in a name are kept, other characters
 * (·, rare characters without a reading) are left out.
 */
export function nameSearchKeys(name: string): { pinyin: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', mode: 'surname', nonZh: 'removed', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter(Boolean);
  return {
    pinyin: syllables.join('').slice(0, 200),
    initials: syllables
      .map((s) => s[0])
      .join('')
      .slice(0, 40),
  };
}
