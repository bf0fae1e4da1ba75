import { describe, expect, it } from 'vitest';
import {
  countyDivisions,
  divisionEdition,
  divisionLevel,
  divisionsUnder,
  findDivision,
  isDemoCode,
  parentCode,
} from './divisions';
import { shortDivisionName } from '../../shared/division-code';

describe('the official division list (src/modules/organisations/divisions)', () => {
  it('says which edition it is', async () => {
    expect(await divisionEdition()).toMatchObject({ edition: '2023', asOf: '2023-06-30' });
  });

  it('walks province → city → county', async () => {
    const provinces = await divisionsUnder('');
    expect(provinces).toHaveLength(31);
    expect(provinces.find((p) => p.code === '500000000000')?.name).toBe('重庆市');
    const cities = await divisionsUnder('500000000000');
    expect(cities.map((c) => c.code)).toContain('500100000000');
    const counties = await divisionsUnder('500100000000');
    expect(counties.find((c) => c.code === '500152000000')).toMatchObject({ name: '潼南区', level: 'county' });
  });

  it('gives a county with its towns and villages: 潼南区 has 23 towns and streets, 304 villages and communities', async () => {
    const tongnan = await countyDivisions('500152000000');
    expect(tongnan?.county.name).toBe('潼南区');
    expect(tongnan?.towns).toHaveLength(23);
    expect(tongnan?.towns.reduce((n, t) => n + t.villages.length, 0)).toBe(304);
    for (const t of tongnan!.towns) {
      expect(t.code).toMatch(/^500152\d{3}000$/);
      for (const v of t.villages) expect(v.code.slice(0, 9)).toBe(t.code.slice(0, 9));
    }
    expect(await countyDivisions('500152001000')).toBeNull(); // a town, not a county
    expect(await countyDivisions('509952000000')).toBeNull();
  });

  it('finds a code at every level, and nothing for a code the list does not have', async () => {
    const town = (await countyDivisions('500152000000'))!.towns[0];
    const village = town.villages[0];
    expect(await findDivision(village.code)).toEqual(village);
    expect(await findDivision(town.code)).toMatchObject({ level: 'town', parent: '500152000000' });
    expect(await findDivision('500152999999')).toBeNull();
    expect(await findDivision('5001520010')).toBeNull();
    expect(await findDivision('990000000000')).toBeNull();
  });

  it('reads levels and parents from the code', () => {
    expect(divisionLevel('500000000000')).toBe('province');
    expect(divisionLevel('500100000000')).toBe('city');
    expect(divisionLevel('500152000000')).toBe('county');
    expect(divisionLevel('500152001000')).toBe('town');
    expect(divisionLevel('500152001001')).toBe('village');
    expect(parentCode('500152001001')).toBe('500152001000');
    expect(parentCode('500152001000')).toBe('500152000000');
    expect(parentCode('500000000000')).toBeNull();
  });

  it('knows the demo county’s codes as demo (city 99), and no real code as demo', async () => {
    expect(isDemoCode('339901101000')).toBe(true);
    expect(isDemoCode('500152001001')).toBe(false);
    const cities = await Promise.all((await divisionsUnder('')).map((p) => divisionsUnder(p.code)));
    expect(cities.flat().filter((c) => isDemoCode(c.code))).toEqual([]);
  });
});

describe('the short name of a village committee', () => {
  it('drops 委员会 and keeps the kind once', () => {
    expect(shortDivisionName('东坡村民委员会')).toBe('东坡村');
    expect(shortDivisionName('张村村民委员会')).toBe('张村');
    expect(shortDivisionName('王家庄村委会')).toBe('王家庄村');
    expect(shortDivisionName('莲花社区居民委员会')).toBe('莲花社区');
    expect(shortDivisionName('滨江社区居委会')).toBe('滨江社区');
    expect(shortDivisionName('城南居民委员会')).toBe('城南社区');
    expect(shortDivisionName('桂林街道')).toBe('桂林街道');
  });
});
