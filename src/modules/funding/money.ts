// Money is integer fen (分) everywhere: the database, the contract, the services. Yuan appear only
// as text — typed into a form or shown on a page — and are turned into fen here, by the digits,
// never through a floating-point number (0.1 + 0.2 yuan is 30 fen, not 30.000000000000004).

/** The most a single amount may be: 100 million yuan, in fen. */
export const MAX_FEN = 10_000_000_000;

/**
 * Fen from yuan typed as text ("12", "12.5", "12.50", "1,234.56"), or null when it is not an
 * amount of yuan with at most two decimals.
 */
export function parseYuan(text: string): number | null {
  const m = /^\s*(\d{1,9})(?:\.(\d{0,2}))?\s*$/.exec(text.replace(/[,，]/g, ''));
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen <= MAX_FEN ? fen : null;
}

/** Yuan with two decimals from fen, grouped by thousands: 123456 → "1,234.56"; −5 → "-0.05". */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** Yuan with two decimals for a form field (no grouping): 123456 → "1234.56". */
export const yuanInput = (fen: number): string => yuanText(fen).replace(/,/g, '');

/** Fen per resident, rounded half up to the fen; null without a population. */
export const perResidentFen = (fen: number, population: number | null): number | null =>
  population ? Math.round(fen / population) : null;
