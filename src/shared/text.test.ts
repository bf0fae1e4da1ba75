import { describe, expect, it } from 'vitest';
import { zFileName, zLongText, zOptLongText, zOptText, zSearch, zText } from './schemas';
import { chineseOutsideQuotes, cleanFileName, safeCellText } from './text';

const issues = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => i.message);

describe('free-text schemas', () => {
  it('refuse direction overrides, isolates and marks, and C0/C1 controls, in one-line and multi-line text', () => {
    for (const bad of [
      '报告\u202Etxt.exe',
      'a\u202Ab',
      'a\u2066b\u2069',
      'a\u200Fb',
      'a\u061Cb',
      'bell\u0007',
      'del\u007F',
      'c1\u0085',
      'esc\u001B[31m',
      'ls\u2028x',
    ]) {
      expect(issues(zText(40).safeParse(bad)), JSON.stringify(bad)).toEqual(['msg:control_chars']);
      expect(issues(zOptText(40).safeParse(bad)), JSON.stringify(bad)).toEqual(['msg:control_chars']);
      expect(issues(zLongText(40).safeParse(bad)), JSON.stringify(bad)).toEqual(['msg:control_chars']);
      expect(issues(zSearch(40).safeParse(bad)), JSON.stringify(bad)).toEqual(['msg:control_chars']);
    }
  });

  it('drop invisible characters silently; keep emoji joiners', () => {
    expect(zText(40).parse('\uFEFF张\u200B三\u2060 ')).toBe('张三');
    expect(zText(40).parse('👨\u200D👩\u200D👧')).toBe('👨\u200D👩\u200D👧');
    // Only invisible characters is blank, so required.
    expect(issues(zText(40).safeParse('\u200B\u200B'))).toEqual(['msg:required']);
    expect(zOptText(40).parse('\u200B')).toBeNull();
  });

  it('one-line text folds line breaks and tabs into a space; multi-line text keeps \\n and \\t (CR LF → LF)', () => {
    expect(zText(40).parse('一号楼\n二单元\t3室')).toBe('一号楼 二单元 3室');
    expect(zLongText(40).parse('第一行\r\n第二行\r\t缩进')).toBe('第一行\n第二行\n\t缩进');
    expect(zOptLongText(40).parse('  \n ')).toBeNull();
  });

  it('the length limit counts the cleaned text', () => {
    expect(zText(3).parse('a\u200Bb\u200Bc')).toBe('abc');
    expect(issues(zText(3).safeParse('abcd'))).toHaveLength(1);
  });
});

describe('uploaded file names', () => {
  it('lose folders, controls, direction and invisible characters and Windows-forbidden characters, keep the extension', () => {
    expect(cleanFileName('C:\\Users\\a\\报名表\u202Excod.exe')).toBe('报名表xcod.exe');
    expect(cleanFileName('../../etc/pa\u0000ss\u0007wd')).toBe('passwd');
    expect(cleanFileName('"a<b>|c?.pdf')).toBe('abc.pdf');
    expect(cleanFileName('...hidden')).toBe('hidden');
    expect(cleanFileName(`${'很'.repeat(300)}.xlsx`, 200)).toBe(`${'很'.repeat(195)}.xlsx`);
    expect(zFileName(200).parse('名单\u202E.xlsx')).toBe('名单.xlsx');
    expect(zFileName(200).safeParse('\u202E').success).toBe(false);
  });
});

describe('spreadsheet cells', () => {
  it('text that a spreadsheet would run as a formula gets a leading quote; other text is unchanged', () => {
    for (const f of ['=1+1', '+86 138', '-2+3', '@SUM(A1)', '\t=cmd', '\r=cmd', '=HYPERLINK("http://x","点我")'])
      expect(safeCellText(f)).toBe(`'${f}`);
    for (const ok of ['张三', '138 0000 0000', 'a=b', '', ' =x']) expect(safeCellText(ok)).toBe(ok);
  });
});

describe('Chinese in English text', () => {
  it('is found outside quotes, allowed inside them', () => {
    expect(chineseOutsideQuotes('Conflict: 二维码已过期')).toBe(true);
    expect(chineseOutsideQuotes('Conflict: full-width comma，here')).toBe(true);
    expect(chineseOutsideQuotes('3 residents still carry “低保”; remove it first')).toBe(false);
    expect(chineseOutsideQuotes('"青溪镇" still has 2 child nodes')).toBe(false);
  });
});
