// What the resident's light pages share (the QR sign-in page, the survey page): plain DOM, no
// React, no antd, so they load fast on a cheap phone. Each page keeps its own words and flow.

/** The phone's language, before any sign-in: 0 Chinese (also when it says nothing), 1 English. */
export const lang: 0 | 1 = navigator.language.toLowerCase().startsWith('zh') || !navigator.language ? 0 : 1;
document.documentElement.lang = lang === 0 ? 'zh-CN' : 'en';

/** A page's words in the phone's language, `{name}` filled from `params`. */
export const wordsOf =
  <K extends string>(words: Record<K, readonly [string, string]>) =>
  (key: K, params: Record<string, string | number> = {}) =>
    words[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

/** Elder mode: larger type, remembered on this phone (shared with the resident pages). */
const ELDER_KEY = 'cedu.elder';
const elder = () => localStorage.getItem(ELDER_KEY) === '1';
const applyElder = () => document.documentElement.classList.toggle('elder', elder());
applyElder();

export type Child = Node | string | null | false;

/** An element: attributes (a function is an event listener; true an empty attribute), children. */
export function h(
  tag: string,
  attrs: Record<string, string | boolean | ((e: Event) => void)> = {},
  ...children: Child[]
): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v === 'function') el.addEventListener(k, v);
    else if (v === true) el.setAttribute(k, '');
    else if (v !== false) el.setAttribute(k, v);
  }
  for (const c of children) if (c) el.append(c);
  return el;
}

type ShellWord = 'brand' | 'elder' | 'elderOn' | 'elderOff';

/**
 * Shows a screen in `app`: the page's header, 大字模式 as one large switch (the whole row is the
 * target, its state in words and on the track), then the cards.
 */
export function showIn(app: HTMLElement, t: (key: ShellWord) => string, cards: Child[]): void {
  const state = h('span', { class: 'muted' });
  const toggle = h(
    'button',
    {
      class: 'elder-switch',
      type: 'button',
      role: 'switch',
      'aria-label': t('elder'),
      click: () => {
        localStorage.setItem(ELDER_KEY, elder() ? '0' : '1');
        applyElder();
        paint();
      },
    },
    h('span', { class: 'elder-text' }, h('b', {}, t('elder')), state),
    h('span', { class: 'elder-track', 'aria-hidden': 'true' }, h('span', { class: 'elder-knob' })),
  );
  const paint = () => {
    toggle.setAttribute('aria-checked', String(elder()));
    state.textContent = elder() ? t('elderOn') : t('elderOff');
  };
  paint();
  app.replaceChildren(h('header', {}, h('b', {}, t('brand'))), toggle, ...cards.filter((c): c is Node | string => !!c));
}
