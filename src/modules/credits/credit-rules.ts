import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../server/db/client';
import type { Actor } from '../../shared/actor';
import { fieldError, forbidden } from '../../shared/app-error';
import { auditChange } from '../../server/audit';
import { listThemes } from '../themes';
import { loadCounty } from '../../server/tree-scope';
import type { Ctx } from '../../server/types';
import {
  DEFAULT_CREDIT_RULE,
  DEFAULT_VOLUNTEER_RATE,
  VOLUNTEER_RULE_KEY,
  type GrantAt,
  type Rules,
  type RulesUpdate,
} from './credits.contract';
import { canReadRules, canSetRules } from './credits.policy';
import { creditRules } from './credit-bank.table';
import { round1 } from './credit-ledger';

export type Rule = { creditsPerHour: number; grantAt: GrantAt };

/** The county's rule for a theme, or the default when the county has none for it. */
export async function ruleFor(db: DbOrTx, countyId: string, theme: string): Promise<Rule> {
  const [r] = await db
    .select()
    .from(creditRules)
    .where(and(eq(creditRules.countyId, countyId), eq(creditRules.theme, theme)));
  if (r) return { creditsPerHour: Number(r.creditsPerHour), grantAt: r.grantAt as GrantAt };
  return theme === VOLUNTEER_RULE_KEY
    ? { creditsPerHour: DEFAULT_VOLUNTEER_RATE, grantAt: 'sign_in' }
    : { ...DEFAULT_CREDIT_RULE };
}

/** The county's themes with their names (contract 2: the county's list, else the default set). */
export async function themesOf(
  db: DbOrTx,
  countyId: string,
): Promise<{ key: string; nameZh: string; nameEn: string }[]> {
  return listThemes(db, countyId);
}

/** Every theme of the county with its rule (or the default), and the volunteer rate. */
export async function getRules({ db, actor, countyId }: { db: Db; actor: Actor; countyId: string }): Promise<Rules> {
  const county = await loadCounty(db, actor, countyId, canReadRules);
  const saved = new Map(
    (await db.select().from(creditRules).where(eq(creditRules.countyId, countyId))).map((r) => [r.theme, r]),
  );
  const rules = (await themesOf(db, countyId)).map((t) => {
    const r = saved.get(t.key);
    return {
      theme: t.key,
      nameZh: t.nameZh,
      nameEn: t.nameEn,
      creditsPerHour: r ? Number(r.creditsPerHour) : DEFAULT_CREDIT_RULE.creditsPerHour,
      grantAt: (r?.grantAt ?? DEFAULT_CREDIT_RULE.grantAt) as GrantAt,
      isDefault: !r,
    };
  });
  const v = saved.get(VOLUNTEER_RULE_KEY);
  return {
    countyId,
    countyName: county.name,
    canEdit: canSetRules(actor, county),
    rules,
    volunteer: { creditsPerHour: v ? Number(v.creditsPerHour) : DEFAULT_VOLUNTEER_RATE, isDefault: !v },
  };
}

/** Saves the county's rules (one row per theme given, and the volunteer rate); audited with what changed. */
export async function setRules({
  db,
  actor,
  countyId,
  input,
}: Ctx & { countyId: string; input: RulesUpdate }): Promise<void> {
  await db.transaction(async (tx) => {
    const county = await loadCounty(tx, actor, countyId, canReadRules);
    if (!canSetRules(actor, county)) throw forbidden();
    const keys = new Set((await themesOf(tx, countyId)).map((t) => t.key));
    input.rules.forEach((r, i) => {
      if (!keys.has(r.theme)) throw fieldError(`rules.${i}.theme`, '没有这个主题', 'No such theme');
    });
    const rows = [
      ...input.rules.map((r) => ({ theme: r.theme, creditsPerHour: round1(r.creditsPerHour), grantAt: r.grantAt })),
      { theme: VOLUNTEER_RULE_KEY, creditsPerHour: round1(input.volunteerPerHour), grantAt: 'sign_in' as GrantAt },
    ];
    const before = new Map(
      (await tx.select().from(creditRules).where(eq(creditRules.countyId, countyId))).map((r) => [
        r.theme,
        `${Number(r.creditsPerHour)}/${r.grantAt}`,
      ]),
    );
    const changed: Record<string, { from: string | null; to: string }> = {};
    for (const r of rows) {
      const to = `${r.creditsPerHour}/${r.grantAt}`;
      if (before.get(r.theme) === to) continue;
      changed[r.theme] = { from: before.get(r.theme) ?? null, to };
      await tx
        .insert(creditRules)
        .values({
          countyId,
          theme: r.theme,
          creditsPerHour: r.creditsPerHour.toFixed(1),
          grantAt: r.grantAt,
          updatedBy: actor.userId,
        })
        .onConflictDoUpdate({
          target: [creditRules.countyId, creditRules.theme],
          set: {
            creditsPerHour: r.creditsPerHour.toFixed(1),
            grantAt: r.grantAt,
            updatedBy: actor.userId,
            updatedAt: new Date(),
          },
        });
    }
    await auditChange(tx, actor, county, 'credit_rules.update', ['org_node', countyId], { changed });
  });
}
