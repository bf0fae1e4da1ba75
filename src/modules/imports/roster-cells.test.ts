import { describe, expect, it } from 'vitest';
import { fieldOfHeader } from './roster-columns';
import { parseDate } from './roster-validate';
import { safeCellText as safeText } from '../../shared/text';

describe('dates as rosters write them', () => {
  it.each([
    [new Date(Date.UTC(1980, 0, 1)), '1980-01-01'],
    ['1980-01-01', '1980-01-01'],
    ['1980/1/1', '1980-01-01'],
    ['1980.1.1', '1980-01-01'],
    ['19800101', '1980-01-01'],
    [19800101, '1980-01-01'],
    ['1980年1月1日', '1980-01-01'],
    ['１９８０年１月１日', '1980-01-01'],
    [29221, '1980-01-01'], // an Excel serial
    ['', null],
    [null, null],
  ])('%s → %s', (cell, iso) => expect(parseDate(cell as never)).toBe(iso));

  it.each(['1980-02-30', '80-1-1', '一九八〇年', '1980-13-01'])('refuses %s', (cell) =>
    expect(parseDate(cell)).toBe('bad'),
  );
});

describe('header variants', () => {
  it.each([
    ['姓 名', 'name'],
    ['名字', 'name'],
    ['联系电话', 'phone'],
    ['手机', 'phone'],
    ['公民身份号码', 'idNumber'],
    ['身份证', 'idNumber'],
    ['村（社区）', 'village'],
    ['所属村居', 'village'],
    ['户主', 'headName'],
    ['特殊人群', 'tags'],
    ['人员类别', 'tags'],
    ['组别', 'building'],
    ['*姓名', 'name'],
  ])('%s → %s', (header, field) => expect(fieldOfHeader(header)).toBe(field));

  it('ignores what is not a roster column', () => expect(fieldOfHeader('序号')).toBeNull());
});

describe('formula neutralisation', () => {
  it.each(['=1+2', '+86', '-5', '@SUM(A1)', '\tx', '\rx'])('%j gets an apostrophe', (s) =>
    expect(safeText(s)).toBe(`'${s}`),
  );
  it.each(['张三', '110105200001011234', '138 0000', ''])('%j stays as it is', (s) => expect(safeText(s)).toBe(s));
});
