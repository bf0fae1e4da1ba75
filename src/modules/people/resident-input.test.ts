import { describe, expect, it } from 'vitest';
import { fakeId } from '../../../test/people-factories';
import type { ResidentFields } from './people.contract';
import { normalizePersonName, normalizeResidentInput } from './resident-input';

const base: ResidentFields = {
  nodeId: '00000000-0000-4000-8000-000000000000',
  name: '王五',
  gender: null,
  birthDate: null,
  phone: null,
  idNumber: null,
  householdId: null,
  relationToHead: null,
  building: null,
  education: null,
  employment: null,
  occupation: null,
  note: null,
  tags: [],
};
const consent = {
  given: true,
  purpose: '学习服务',
  givenBy: 'self' as const,
  guardianName: null,
  guardianRelation: null,
  method: 'paper' as const,
};

describe('normalizeResidentInput (shared by the form and the Excel import)', () => {
  it('fills birth date and gender from the ID number and keeps the normalised number', () => {
    const id = fakeId('19900315', '022');
    const r = normalizeResidentInput(
      { ...base, idNumber: ` ${id.slice(0, 6)} ${id.slice(6)}`.replace(/X$/, 'x') },
      { today: '2026-01-01' },
    );
    expect(r).toMatchObject({ ok: true, value: { idNumber: id, birthDate: '1990-03-15', gender: 'female' } });
  });

  it('reports every bad field at once, with its path', () => {
    const r = normalizeResidentInput(
      { ...base, name: '@张', phone: '123', idNumber: '339901199003150221', birthDate: '2030-01-01' },
      { today: '2026-01-01' },
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path).sort()).toEqual(['birthDate', 'idNumber', 'name', 'phone']);
  });

  it('asks for a guardian for a child under 14, and only a consent when asked', () => {
    const child = { ...base, birthDate: '2020-02-02' };
    expect(normalizeResidentInput(child, { today: '2026-01-01' }).ok).toBe(true);
    const r = normalizeResidentInput(child, { consent, today: '2026-01-01' });
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual(['consent.givenBy']);
    const ok = normalizeResidentInput(child, {
      consent: { ...consent, givenBy: 'guardian', guardianName: ' 李梅 ' },
      today: '2026-01-01',
    });
    expect(ok).toMatchObject({ ok: true, consent: { guardianName: '李梅' } });
    // Turning 14 on the day: no guardian needed any more.
    expect(normalizeResidentInput({ ...base, birthDate: '2012-01-01' }, { consent, today: '2026-01-01' }).ok).toBe(
      true,
    );
  });

  it('leaves phone and ID number undefined (keep) when the edit does not send them', () => {
    const { phone, idNumber, ...rest } = base;
    void phone;
    void idNumber;
    const r = normalizeResidentInput(rest as ResidentFields, { today: '2026-01-01' });
    expect(r).toMatchObject({ ok: true, value: { phone: undefined, idNumber: undefined } });
  });
});

describe('normalizePersonName', () => {
  it('cleans what copy and paste leaves and refuses what hides or runs', () => {
    expect(normalizePersonName('\ufeff 马 · 丽 ')).toBe('马·丽');
    expect(normalizePersonName('买买提・艾力')).toBe('买买提·艾力');
    expect(normalizePersonName('张\u202d三')).toMatchObject({ path: 'name' });
    expect(normalizePersonName('\u2066张三\u2069')).toMatchObject({ path: 'name' });
    expect(normalizePersonName('＝1+1')).toMatchObject({ message: '姓名不能以 = + - @ 开头' });
    expect(normalizePersonName('·张')).toMatchObject({ path: 'name' });
  });
});
