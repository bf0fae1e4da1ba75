import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../../test/factories';
import { courseBody, createCourse } from '../../../test/course-factories';
import { signIn } from '../../../test/server';
import { useWorldServer } from '../../../test/server-fixture';
import { DEFAULT_THEMES } from '../../shared/themes';
import { activeThemes, listThemes } from '.';

const { s, w, clients } = useWorldServer('a_dept_coordinator', 'a_town_admin', 'a_county_admin', 'a_centre_manager');
const [dept, town, county, centre] = clients;

describe('themes', () => {
  it('everyone reads the defaults; the county admin renames, reorders, deactivates, adds, sets lead departments', async () => {
    const r = await centre.req('GET', '/api/themes');
    expect(r.json()).toMatchObject({ countyId: w.nodes.A.id, isDefault: true, canEdit: false });
    const themes = r.json().themes.map((t: Record<string, unknown>) => ({
      key: t.key,
      nameZh: t.nameZh,
      nameEn: t.nameEn,
      active: t.active,
      leadUnitIds: t.leadUnitIds,
    }));
    expect(themes).toHaveLength(10);
    expect((await town.req('PUT', `/api/themes/${w.nodes.A.id}`, { themes })).statusCode).toBe(403);
    const edited = [
      { ...themes[3], nameZh: '法律(普法)', leadUnitIds: [w.nodes.A1u.id] },
      ...themes
        .filter((_: unknown, i: number) => i !== 3)
        .map((t: { key: string }) => (t.key === 'youth' ? { ...t, active: false } : t)),
      { key: null, nameZh: '非遗传承', nameEn: 'Intangible heritage', active: true, leadUnitIds: [] },
    ];
    const saved = await county.req('PUT', `/api/themes/${w.nodes.A.id}`, { themes: edited });
    expect(saved.statusCode, saved.body).toBe(200);
    const list = saved.json();
    expect(list.isDefault).toBe(false);
    expect(list.themes[0]).toMatchObject({
      key: 'law',
      nameZh: '法律(普法)',
      leadUnits: [{ id: w.nodes.A1u.id, name: w.nodes.A1u.name }],
    });
    expect(list.themes.at(-1).key).toMatch(/^t_/);
    expect(list.themes.find((t: { key: string }) => t.key === 'youth').active).toBe(false);
    // Inactive themes are not offered for new courses.
    expect(
      (await dept.req('POST', '/api/courses', courseBody(w.nodes.A1u.id, { theme: 'youth' }))).json().error.issues[0]
        .path,
    ).toBe('theme');
    const detail = await dept.req(
      'GET',
      `/api/courses/${await createCourse(dept, w.nodes.A1u.id, { theme: list.themes.at(-1).key })}`,
    );
    expect(detail.json().themeName).toBe('非遗传承');
  });

  it('themes are never removed; lead departments are units of the county', async () => {
    const { themes } = (await county.req('GET', '/api/themes')).json();
    const plain = themes.map((t: Record<string, unknown>) => ({
      key: t.key,
      nameZh: t.nameZh,
      nameEn: t.nameEn,
      active: t.active,
      leadUnitIds: t.leadUnitIds,
    }));
    const dropped = await county.req('PUT', `/api/themes/${w.nodes.A.id}`, { themes: plain.slice(1) });
    expect(dropped.json().error.issues[0].message).toContain('不能删除');
    const foreignLead = plain.map((t: object, i: number) => (i === 0 ? { ...t, leadUnitIds: [w.nodes.B1u.id] } : t));
    expect(
      (await county.req('PUT', `/api/themes/${w.nodes.A.id}`, { themes: foreignLead })).json().error.issues[0].path,
    ).toBe('themes.0.leadUnitIds');
    const notUnit = plain.map((t: object, i: number) => (i === 0 ? { ...t, leadUnitIds: [w.nodes.A1a.id] } : t));
    expect((await county.req('PUT', `/api/themes/${w.nodes.A.id}`, { themes: notUnit })).statusCode).toBe(400);
    const b = await signIn(s.app, 'b_county_admin', TEST_PASSWORD);
    expect((await b.req('GET', `/api/themes?countyId=${w.nodes.A.id}`)).statusCode).toBe(404);
  });

  it('index.ts: listThemes gives the whole list in order, activeThemes only the active ones (what new rows may name)', async () => {
    const db = s.database.db;
    // County B never edited its list: the defaults, all active.
    expect((await activeThemes(db, w.nodes.B.id)).map((t) => t.key)).toEqual([...DEFAULT_THEMES]);
    const list = (await listThemes(db, w.nodes.B.id)).map((t) => ({ key: t.key, active: t.active }));
    const plain = (await county.req('GET', '/api/themes')).json().themes.map((t: Record<string, unknown>) => ({
      key: t.key,
      nameZh: t.nameZh,
      nameEn: t.nameEn,
      active: t.key === 'health' ? false : t.active,
      leadUnitIds: t.leadUnitIds,
    }));
    expect((await county.req('PUT', `/api/themes/${w.nodes.A.id}`, { themes: plain })).statusCode).toBe(200);
    const all = await listThemes(db, w.nodes.A.id);
    expect(all.map((t) => t.key)).toEqual(plain.map((t: { key: string }) => t.key));
    const active = await activeThemes(db, w.nodes.A.id);
    expect(active.map((t) => t.key)).toEqual(all.filter((t) => t.active).map((t) => t.key));
    expect(active.map((t) => t.key)).not.toContain('health');
    expect(active[0]).toEqual({ key: all[0].key, nameZh: all[0].nameZh, nameEn: all[0].nameEn });
    expect(list.every((t) => t.active)).toBe(true);
  });
});
