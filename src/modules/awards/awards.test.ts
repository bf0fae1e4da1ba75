import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFamily, buildNomination, buildSelection } from '../../../test/award-factories';
import { ledgerEntries } from '../../../test/credit-factories';
import { buildUser } from '../../../test/factories';
import { tinyPdf, uploadFile } from '../../../test/file-factories';
import { activatedResident } from '../../../test/signin-factories';
import { signIn, type Client } from '../../../test/server';
import { useWorldServer } from '../../../test/server-fixture';
import { auditLog } from '../../server/db/audit.table';
import { roleAssignments } from '../accounts/account.table';
import { awardNominations, awardSelections } from './awards.table';
import { payWinners } from './publish.service';

const { s, w, clients } = useWorldServer(
  'a_county_admin',
  'a_town_admin',
  'a_centre_manager',
  'a_leader',
  'b_centre_manager',
);
const [county, town, centre, leader, foreign] = clients;
let leader2: Client;
/** A user who both nominates (centre manager of A1a) and sits in the leadership group. */
let twoHats: Client;

const count = async (table: typeof awardNominations | typeof awardSelections, where = undefined) =>
  (await s.database.db.select().from(table).where(where)).length;
const audits = async (action: string) =>
  (await s.database.db.select().from(auditLog).where(eq(auditLog.action, action))).length;

beforeAll(async () => {
  await buildUser(s.database, { username: 'a_leader2', role: 'leader', node: w.nodes.A1 });
  const u = await buildUser(s.database, { username: 'two_hats', role: 'centre_manager', node: w.nodes.A1a });
  await s.database.db.insert(roleAssignments).values({ userId: u.id, role: 'leader', nodeId: w.nodes.A1.id });
  leader2 = await signIn(s.app, 'a_leader2', 'Test-pass-2026');
  twoHats = await signIn(s.app, 'two_hats', 'Test-pass-2026');
});

const selectionBody = (v: Record<string, unknown> = {}) => {
  const year = new Date().getUTCFullYear();
  return {
    ownerNodeId: w.nodes.A.id,
    year,
    kind: 'family',
    title: '学习型家庭',
    nominateFrom: `${year}-01-01`,
    nominateUntil: `${year}-12-31`,
    quotaScope: 'centre',
    quota: 1,
    minHours: 4,
    minCredits: null,
    excludeWinnerYears: 2,
    rewardCredits: 5,
    rewardText: '荣誉证书一本',
    ...v,
  };
};

describe('selections', () => {
  it('the county opens a selection; a centre manager may not; another county’s staff cannot see it', async () => {
    const r = await county.req('POST', '/api/award-selections', selectionBody({ kind: 'star', title: '百姓学习之星' }));
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().id;
    expect(await audits('award.selection.create')).toBe(1);
    expect((await centre.req('POST', '/api/award-selections', selectionBody({ kind: 'learner' }))).statusCode).toBe(
      403,
    );
    expect((await foreign.req('GET', `/api/award-selections/${id}`)).statusCode).toBe(404);
    const seen = await centre.req('GET', `/api/award-selections/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().permissions).toEqual({ update: false, publish: false, nominate: true });
    expect(seen.json().centres.map((c: { id: string }) => c.id)).toEqual([w.nodes.A1a.id]);
    const dup = await county.req('POST', '/api/award-selections', selectionBody({ kind: 'star' }));
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.issues[0].message).toContain('同类评选');
  });
});

describe('a family nominated, reviewed, approved, published', () => {
  let selectionId: string;
  let nominationId: string;
  let family: { householdId: string; memberIds: string[] };

  beforeAll(async () => {
    const r = await county.req('POST', '/api/award-selections', selectionBody());
    selectionId = r.json().id;
    family = await buildFamily(s.database, w.nodes.A1a, ['张学勤', '李书香', '张小满'], 2);
  });

  it('eligibility is checked at nomination: too few hours is refused with the figures, nothing written', async () => {
    const thin = await buildFamily(s.database, w.nodes.A1a, ['王少学'], 1);
    const before = await count(awardNominations);
    const r = await centre.req('POST', '/api/award-nominations', {
      selectionId,
      nodeId: w.nodes.A1a.id,
      nominee: { id: thin.householdId },
      accountHtml: '<p>好</p>',
    });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().error.issues[0].message).toBe('本年学习时长 2 小时，未达到本次评选要求的 4 小时');
    expect(r.json().error.issues[0].messageEn).toBe('2 hours this year, below the 4 hours this selection requires');
    expect(await count(awardNominations)).toBe(before);
  });

  it('the centre nominates only within its reach', async () => {
    const other = await buildFamily(s.database, w.nodes.A1b, ['赵邻村'], 3);
    const r = await centre.req('POST', '/api/award-nominations', {
      selectionId,
      nodeId: w.nodes.A1a.id,
      nominee: { id: other.householdId },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.issues[0].message).toBe('只能提名本学习中心的家庭');
    const r2 = await centre.req('POST', '/api/award-nominations', {
      selectionId,
      nodeId: w.nodes.A1b.id,
      nominee: { id: other.householdId },
    });
    expect(r2.statusCode).toBe(404);
    expect(await count(awardNominations)).toBe(0);
  });

  it('the centre nominates with a sanitised account; cedu adds the evidence; the family’s members are listed', async () => {
    const r = await centre.req('POST', '/api/award-nominations', {
      selectionId,
      nodeId: w.nodes.A1a.id,
      nominee: { id: family.householdId },
      accountHtml: '<p onclick="x()">全家坚持学习<script>alert(1)</script></p>',
    });
    expect(r.statusCode, r.body).toBe(201);
    nominationId = r.json().id;
    const d = (await centre.req('GET', `/api/award-nominations/${nominationId}`)).json();
    expect(d.nomineeName).toBe('张学勤家庭');
    expect(d.members.map((m: { name: string }) => m.name).sort()).toEqual(['张学勤', '张小满', '李书香'].sort());
    expect(d.accountHtml).toBe('<p>全家坚持学习</p>');
    expect(d.evidence).toMatchObject({ attendances: 6, hours: 12 });
    expect(d.permissions).toEqual({ update: true, submit: true, review: false, decide: false });
    expect((await foreign.req('GET', `/api/award-nominations/${nominationId}`)).statusCode).toBe(404);
    const dup = await centre.req('POST', '/api/award-nominations', {
      selectionId,
      nodeId: w.nodes.A1a.id,
      nominee: { id: family.householdId },
    });
    expect(dup.json().error.issues[0].message).toBe('该对象已在本次评选中被提名');
  });

  it('a draft cannot be reviewed; submitted, the town reviews with the rubric', async () => {
    const early = await town.req('POST', `/api/award-nominations/${nominationId}/review`, {
      outcome: 'reviewed',
      scores: { deeds: 35, learning: 25, influence: 25 },
    });
    expect(early.statusCode).toBe(409);
    expect((await centre.req('POST', `/api/award-nominations/${nominationId}/submit`)).statusCode).toBe(200);
    expect(
      (
        await centre.req('POST', `/api/award-nominations/${nominationId}/review`, {
          outcome: 'reviewed',
          scores: { deeds: 1, learning: 1, influence: 1 },
        })
      ).statusCode,
    ).toBe(403);
    const r = await town.req('POST', `/api/award-nominations/${nominationId}/review`, {
      outcome: 'reviewed',
      scores: { deeds: 35, learning: 25, influence: 25 },
      comment: '事迹突出',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'reviewed', reviewScore: 85 });
    expect(r.json().permissions.decide).toBe(false);
  });

  it('the leader approves; the selection is published; credits go to each member once', async () => {
    const seen = (await leader.req('GET', `/api/award-nominations/${nominationId}`)).json();
    expect(seen.permissions.decide).toBe(true);
    const r = await leader.req('POST', `/api/award-nominations/${nominationId}/decide`, { outcome: 'approved' });
    expect(r.statusCode, r.body).toBe(200);
    expect((await centre.req('POST', `/api/award-selections/${selectionId}/publish`)).statusCode).toBe(403);
    const p = await county.req('POST', `/api/award-selections/${selectionId}/publish`);
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json().status).toBe('published');
    for (const id of family.memberIds) {
      const awards = (await ledgerEntries(s.database, id)).filter((e) => e.kind === 'award');
      expect(awards.map((e) => Number(e.amount))).toEqual([5]);
    }
    const again = await county.req('POST', `/api/award-selections/${selectionId}/publish`);
    expect(again.statusCode).toBe(409);
    // Paying the winners once more (a retry after a crash) pays nothing more.
    const [sel] = await s.database.db.select().from(awardSelections).where(eq(awardSelections.id, selectionId));
    const winners = await s.database.db.select().from(awardNominations).where(eq(awardNominations.id, nominationId));
    expect(await payWinners(s.database.db, sel, winners, null)).toBe(0);
    for (const id of family.memberIds)
      expect((await ledgerEntries(s.database, id)).filter((e) => e.kind === 'award')).toHaveLength(1);
    expect(await audits('award.selection.publish')).toBe(1);
    const results = (await town.req('GET', `/api/award-selections/${selectionId}/results`)).json();
    expect(results.winners.map((x: { nomineeName: string }) => x.nomineeName)).toEqual(['张学勤家庭']);
  });

  it('last years’ winners are excluded from the same kind of award', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const next = await county.req(
      'POST',
      '/api/award-selections',
      selectionBody({ year, nominateFrom: `${year - 1}-01-01`, minHours: null }),
    );
    expect(next.statusCode, next.body).toBe(201);
    const r = await centre.req('POST', '/api/award-nominations', {
      selectionId: next.json().id,
      nodeId: w.nodes.A1a.id,
      nominee: { id: family.householdId },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.issues[0].message).toContain('已在');
  });
});

describe('nobody reviews or approves what they nominated', () => {
  it('a nominator who sits in the leadership group cannot approve their own nomination', async () => {
    const sel = await buildSelection(s.database, w.nodes.A, { kind: 'person', title: '学习型个人', quota: 5 });
    const fam = await buildFamily(s.database, w.nodes.A1a, ['钱自荐'], 1);
    const r = await twoHats.req('POST', '/api/award-nominations', {
      selectionId: sel,
      nodeId: w.nodes.A1a.id,
      nominee: { id: fam.memberIds[0] },
      accountHtml: '<p>自荐</p>',
    });
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().id;
    await s.database.db.update(awardNominations).set({ status: 'reviewed' }).where(eq(awardNominations.id, id));
    const d = await twoHats.req('POST', `/api/award-nominations/${id}/decide`, { outcome: 'approved' });
    expect(d.statusCode).toBe(409);
    expect(d.json().error.message).toContain('不能审核或审批自己提出的提名');
    const [row] = await s.database.db.select().from(awardNominations).where(eq(awardNominations.id, id));
    expect(row.status).toBe('reviewed');
    expect(row.decidedBy).toBeNull();
  });

  it('a town admin who nominated cannot review it', async () => {
    const sel = await buildSelection(s.database, w.nodes.A1, { kind: 'learner', title: '优秀学员', quota: 5 });
    const fam = await buildFamily(s.database, w.nodes.A1a, ['孙镇荐'], 1);
    const r = await town.req('POST', '/api/award-nominations', {
      selectionId: sel,
      nodeId: w.nodes.A1a.id,
      nominee: { id: fam.memberIds[0] },
      accountHtml: '<p>镇推荐</p>',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect((await town.req('POST', `/api/award-nominations/${r.json().id}/submit`)).statusCode).toBe(200);
    const rv = await town.req('POST', `/api/award-nominations/${r.json().id}/review`, {
      outcome: 'reviewed',
      scores: { deeds: 30, learning: 20, influence: 20 },
    });
    expect(rv.statusCode).toBe(409);
    const [row] = await s.database.db.select().from(awardNominations).where(eq(awardNominations.id, r.json().id));
    expect(row.status).toBe('submitted');
  });
});

describe('the quota holds when two leaders approve at once', () => {
  it('of two reviewed nominations of one centre under a quota of one, exactly one is approved', async () => {
    for (let round = 0; round < 3; round++) {
      const sel = await buildSelection(s.database, w.nodes.A, {
        kind: 'family',
        year: 2000 + round,
        title: `配额${round}`,
      });
      const ids: string[] = [];
      for (const name of [`甲${round}`, `乙${round}`]) {
        const fam = await buildFamily(s.database, w.nodes.A1a, [name], 0);
        ids.push(
          await buildNomination(s.database, {
            selectionId: sel,
            centre: w.nodes.A1a,
            householdId: fam.householdId,
            name,
            status: 'reviewed',
          }),
        );
      }
      const [a, b] = await Promise.all([
        leader.req('POST', `/api/award-nominations/${ids[0]}/decide`, { outcome: 'approved' }),
        leader2.req('POST', `/api/award-nominations/${ids[1]}/decide`, { outcome: 'approved' }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const lost = a.statusCode === 409 ? a : b;
      expect(lost.json().error.message).toContain('名额已满');
      const approved = await s.database.db
        .select()
        .from(awardNominations)
        .where(and(eq(awardNominations.selectionId, sel), eq(awardNominations.status, 'approved')));
      expect(approved).toHaveLength(1);
    }
  });
});

describe('residents read the published winners of their own county', () => {
  it('a resident of county A sees A’s published honour rolls, not B’s nor an open selection’s nominations', async () => {
    const bSel = await buildSelection(s.database, w.nodes.B, {
      kind: 'unit',
      title: 'B县学习型单位',
      status: 'published',
    });
    const bFam = await buildFamily(s.database, w.nodes.B1a, ['B县获奖'], 0);
    await buildNomination(s.database, {
      selectionId: bSel,
      centre: w.nodes.B1a,
      householdId: bFam.householdId,
      name: 'B县获奖家庭',
      status: 'published',
    });
    const { phone, csrfToken } = await activatedResident(s, centre, w.nodes.A1a, {
      name: '读榜居民',
      phone: '13900007777',
      password: 'Pw-13900007777-x',
    });
    phone.setCsrf(csrfToken);
    const r = await phone.req('GET', '/api/award-winners');
    expect(r.statusCode, r.body).toBe(200);
    const rolls = r.json().items as { title: string; winners: { nomineeName: string }[] }[];
    expect(rolls.map((x) => x.title)).toEqual(['学习型家庭']);
    expect(rolls[0].winners.map((x) => x.nomineeName)).toEqual(['张学勤家庭']);
    expect((await centre.req('GET', '/api/award-winners')).statusCode).toBe(401);
  });
});

describe('attachments of the account of deeds', () => {
  it('the centre uploads for its own centre and attaches; another county’s centre may not upload there', async () => {
    const refused = await uploadFile(
      foreign,
      { nodeId: w.nodes.A1a.id, purpose: 'award_material' },
      '事迹.pdf',
      tinyPdf(),
    );
    expect(refused.statusCode).toBe(404);
    const up = await uploadFile(centre, { nodeId: w.nodes.A1a.id, purpose: 'award_material' }, '事迹.pdf', tinyPdf());
    expect(up.statusCode, up.body).toBe(201);
    const sel = await buildSelection(s.database, w.nodes.A, { kind: 'learner', title: '优秀学员附件', quota: 3 });
    const fam = await buildFamily(s.database, w.nodes.A1a, ['附件学员'], 0);
    const r = await centre.req('POST', '/api/award-nominations', {
      selectionId: sel,
      nodeId: w.nodes.A1a.id,
      nominee: { id: fam.memberIds[0] },
      accountHtml: '<p>见附件</p>',
      fileIds: [up.json().id],
    });
    expect(r.statusCode, r.body).toBe(201);
    const d = (await town.req('GET', `/api/award-nominations/${r.json().id}`)).json();
    expect(d.files.map((f: { originalName: string }) => f.originalName)).toEqual(['事迹.pdf']);
  });
});
