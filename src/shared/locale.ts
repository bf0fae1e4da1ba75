/** The two languages the product speaks; zh-CN first. */
export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export type Bilingual = { 'zh-CN': string; 'en-US': string };
/** A name or message of a list shown to people (a status, a role, a field's problem), in both languages. */
export type Label = { zh: string; en: string };

/** An enumeration declared once by its label table: `[keys in order (for z.enum and the selects), labels]`. */
export function labelled<const K extends string>(
  labels: Record<K, Label>,
): readonly [keys: readonly [K, ...K[]], labels: Record<K, Label>] {
  return [Object.keys(labels) as [K, ...K[]], labels];
}

/** Picks the locale from an Accept-Language header: English only when asked for first. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en-US' : DEFAULT_LOCALE;
}

/** Replaces {name} placeholders. */
export function fill(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
