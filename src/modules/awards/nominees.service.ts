import { and, asc, desc, eq, ilike, inArray, like } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { orgNodes } from '../../server/db/tree.table';
import { escapeLike, loadNodeToWrite } from '../../server/tree-scope';
import { chinaYear } from '../../shared/china-time';
import type { Ctx } from '../../server/types';
import { AWARD_KIND_LABELS, NOMINEE_OF, type Nominee } from './awards.contract';
import { canNominate, canReadNomination } from './awards.policy';
import { awardSelections } from './awards.table';
import { householdsUnder, residentRef, residentsUnder } from '../people';
import { activeTeachersOfBanks } from '../teachers';
import { townPathOf } from './nominee';
import { loadSelection } from './selections.service';
import { winnersOf } from './publish.service';

/** Whom the centre may nominate for the selection (its kind decides: residents, households, teachers, units, itself). */
export async function findNominees({
  db,
  actor,
  query,
}: Ctx & { query: { selectionId: string; nodeId: string; q?: string } }): Promise<{ items: Nominee[] }> {
  const { row: sel } = await loadSelection(db, actor, query.selectionId);
  const centre = await loadNodeToWrite(
    db,
    query.nodeId,
    { mayRead: (n) => canReadNomination(actor, n), mayWrite: (n) => canNominate(actor, n) },
    ['centre'],
    { field: 'nodeId', zh: '提名由学习中心提出', en: 'A nomination is made by a learning centre' },
  );
  const q = query.q || undefined;
  switch (NOMINEE_OF[sel.kind as keyof typeof NOMINEE_OF]) {
    case 'resident':
      return {
        items: (await residentsUnder(db, centre.path, q)).map((r) => ({ id: r.id, name: r.name, detail: r.building })),
      };
    case 'household':
      return {
        items: (await householdsUnder(db, centre.path, q)).map((h) => ({
          id: h.id,
          name: `${h.headName}家庭`,
          detail: h.building,
        })),
      };
    case 'teacher': {
      const teachers = await activeTeachersOfBanks(db, [centre.path, townPathOf(centre.path)]);
      return {
        items: teachers
          .filter((t) => !q || t.name.includes(q))
          .slice(0, 50)
          .map((t) => ({ id: t.id, name: t.name, detail: t.bankNodeName })),
      };
    }
    case 'unit': {
      const units = await db
        .select({ id: orgNodes.id, name: orgNodes.name })
        .from(orgNodes)
        .where(
          and(
            eq(orgNodes.level, 'unit'),
            like(orgNodes.path, `${escapeLike(townPathOf(centre.path))}%`),
            q ? ilike(orgNodes.name, `%${escapeLike(q)}%`) : undefined,
          ),
        )
        .orderBy(asc(orgNodes.name))
        .limit(50);
      return { items: units.map((u) => ({ ...u, detail: null })) };
    }
    case 'centre':
      return { items: [{ id: centre.id, name: centre.name, detail: null }] };
    case 'building':
      return { items: [] };
  }
}

/** The published winners of the resident's county (county and town selections) of the last two years. */
export async function findPublicWinners(db: Db, residentId: string) {
  const r = await residentRef(db, residentId);
  if (!r) return { items: [] };
  const sels = await db
    .select({ sel: awardSelections, ownerName: orgNodes.name })
    .from(awardSelections)
    .innerJoin(orgNodes, eq(orgNodes.id, awardSelections.ownerNodeId))
    .where(
      and(
        eq(awardSelections.status, 'published'),
        like(orgNodes.path, `/${r.countyId}/%`),
        inArray(awardSelections.year, [chinaYear(), chinaYear() - 1]),
      ),
    )
    .orderBy(desc(awardSelections.year), asc(orgNodes.path), asc(awardSelections.kind))
    .limit(50);
  const winners = await winnersOf(
    db,
    sels.map((s) => s.sel.id),
  );
  return {
    items: sels.map(({ sel, ownerName }) => ({
      selectionId: sel.id,
      title: sel.title,
      year: sel.year,
      kind: sel.kind as keyof typeof AWARD_KIND_LABELS,
      ownerName,
      winners: winners
        .filter((w) => w.selectionId === sel.id)
        .map((w) => ({ nomineeName: w.nomineeName, nodeName: w.nodeName })),
    })),
  };
}
