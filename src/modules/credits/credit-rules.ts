import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { DEFAULT_CREDIT_RULE, DEFAULT_VOLUNTEER_RATE, VOLUNTEER_RULE_KEY, type GrantAt } from './credits.contract';
import { creditRules } from './credit-bank.table';

export type Rule = { creditsPerHour: number; grantAt: GrantAt };

/** The county's rule for a theme, or the default when the county has none for it. */
export async function ruleFor(db: DbOrTx, countyId: string, theme: string): Promise<Rule> {
  const [r] = await db.select().from(creditRules).where(and(eq(creditRules.countyId, countyId), eq(creditRules.theme, theme)));
  if (r) return { creditsPerHour: Number(r.creditsPerHour), grantAt: r.grantAt as GrantAt };
  return theme === VOLUNTEER_RULE_KEY ? { creditsPerHour: DEFAULT_VOLUNTEER_RATE, grantAt: 'sign_in' } : { ...DEFAULT_CREDIT_RULE };
}
