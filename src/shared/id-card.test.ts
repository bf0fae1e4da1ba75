import { describe, expect, it } from 'vitest';
import { idCheckChar, maskIdCard, parseIdCard } from './id-card';
import { maskPhone, normalizePhone, isValidPhone } from './phone';

/** Builds a valid number for a region and birth date (the standard's published example is 11010519491231002X). */
const make = (first17: string) => first17 + idCheckChar(first17);

describe('ID card numbers (GB 11643)', () => {
  it('accepts the standard example and reads birth date and gender', () => {
    expect(parseIdCard('11010519491231002X')).toEqual({
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
    });
    expect(parseIdCard(make('33010619800101001'))).toMatchObject({ birthDate: '1980-01-01', gender: 'male' });
  });

  it('normalises lower-case x, full-width digits, spaces, zero-width and bidi characters', () => {
    for (const raw of [
      '11010519491231002x',
      '１１０１０５１９４９１２３１００２Ｘ',
      ' 110105 19491231 002X ',
      '110105\u200b19491231002X',
      '\u202e11010519491231002X\u202c',
      "'11010519491231002X",
    ]) {
      expect(parseIdCard(raw), JSON.stringify(raw)).toMatchObject({ normalized: '11010519491231002X' });
    }
  });

  it('names what is wrong', () => {
    expect(parseIdCard('110105194912310021')).toBe('check_digit');
    expect(parseIdCard('110105491231002')).toBe('legacy15');
    expect(parseIdCard(make('11010519490230001'))).toBe('birth_date'); // 30 February
    expect(parseIdCard(make('11010518991231001'))).toBe('birth_date'); // before 1900
    expect(parseIdCard(make('11010530001231001'))).toBe('birth_date'); // in the future
    expect(parseIdCard(make('99010519491231001'))).toBe('region');
    expect(parseIdCard('11010519491231002Y')).toBe('format');
    expect(parseIdCard('=HYPERLINK("x")')).toBe('format');
    expect(parseIdCard('')).toBe('empty');
    expect(parseIdCard('11010519491231002X', '1950-01-01')).toBe('birth_mismatch');
  });

  it('masks with the birth date hidden', () => {
    expect(maskIdCard('11010519491231002X')).toBe('110***********002X');
  });
});

describe('phones', () => {
  it('normalises +86, spaces, hyphens and full-width digits; masks the middle', () => {
    expect(normalizePhone('+86 138-0013-8000')).toBe('13800138000');
    expect(normalizePhone('１３８００１３８０００')).toBe('13800138000');
    expect(isValidPhone('13800138000')).toBe(true);
    expect(isValidPhone('12800138000')).toBe(false);
    expect(isValidPhone('057186001000')).toBe(true);
    expect(maskPhone('13800138000')).toBe('138****8000');
  });
});
