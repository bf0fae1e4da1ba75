/**
 * The resident's sign-in page (/m/s/<token>), opened by scanning the QR code on a phone.
 * Plain DOM and fetch — no React, no antd — so it loads fast on a cheap phone on a slow
 * network. Its requests go to the endpoints the contract declares (`call`). Every answer the server can
 * give is shown in this page's own plain words (never the server's error text).
 */
import '../../../shared/zod-browser';
import { ApiError } from '../../../web/api/api-error';
import { call } from '../../../web/api/client';
import { h, showIn, wordsOf, type Child } from '../../../web/light-page';
import { signInApi, type ScanInfo, type ScanRefusal, type ScanResult } from '../signin.contract';
import type { EndpointInput, EndpointOutput } from '../../../shared/endpoint';
import { SIGNIN_PAGE_MESSAGES } from './signin-page.messages';
import { formatDateTime, formatTime } from '../../../shared/china-time';

type Key = keyof typeof SIGNIN_PAGE_MESSAGES;
const t = wordsOf(SIGNIN_PAGE_MESSAGES);

const token = decodeURIComponent(location.pathname.split('/').pop() ?? '');
const app = document.getElementById('app')!;
let csrf: string | null = null;
/** The scan's grace ticket: five minutes to type, whatever the screen's code does meanwhile. */
let ticket: string | null = null;
/** What the person typed, kept if they must scan again. */
const typed = { phone: '', name: '' };

// China time in the one house format (2026-12-07 14:05 / 14:05), the same as the big screen.
const timeFmt = { format: (d: Date) => formatDateTime(d) };
const clock = { format: (d: Date) => formatTime(d) };

const show = (...cards: Child[]) => showIn(app, t, cards);

/** A failed answer, reduced to what the page needs to choose its words. */
type Failure = { refusal: ScanRefusal | null; key: Key };

/** Plain words for every answer the scan routes can give; the server's text is never shown. */
function failure(err: unknown): Failure {
  if (!(err instanceof ApiError) || err.status === 0) return { refusal: null, key: 'offline' };
  const refusal = err.headers?.get('x-sign-in-refusal') as ScanRefusal | null | undefined;
  if (refusal) return { refusal, key: refusal === 'expired' ? 'expired' : refusal };
  const path = err.issues[0]?.path ?? '';
  if (err.status === 400)
    return {
      refusal: null,
      key: path.startsWith('phone')
        ? 'badPhone'
        : path.startsWith('name')
          ? 'badName'
          : path.startsWith('token')
            ? 'invalid'
            : 'needBoth',
    };
  if (err.status === 401) return { refusal: null, key: 'notKnown' };
  if (err.status === 403) return { refusal: null, key: 'pageOld' };
  if (err.status === 404) return { refusal: null, key: 'invalid' };
  if (err.status === 409) return { refusal: null, key: 'busy' };
  if (err.status === 413) return { refusal: null, key: 'badName' };
  if (err.status === 429) return { refusal: null, key: 'tooMany' };
  return { refusal: null, key: 'serverBusy' };
}

type Scan = typeof signInApi.scanInfo | typeof signInApi.scan | typeof signInApi.scanCheckOut;

/** One request of this page, on its declared endpoint: the page's CSRF token, the grace ticket if any. */
async function send<E extends Scan>(
  e: E,
  body?: EndpointInput<E> extends { body?: infer B } ? B : never,
): Promise<{ ok: true; data: EndpointOutput<E> } | { ok: false; fail: Failure }> {
  try {
    const input = { params: { token }, ...(body !== undefined ? { body } : {}) } as EndpointInput<E>;
    const headers = ticket && e === signInApi.scanCheckOut ? { 'X-Sign-In-Ticket': ticket } : undefined;
    const run = call as (e: E, input: EndpointInput<E>, opts: object) => Promise<EndpointOutput<E>>;
    return { ok: true, data: await run(e, input, { silent: true, csrf, headers }) };
  } catch (err) {
    return { ok: false, fail: failure(err) };
  }
}

/** The activity: its title is the page's heading, or, above a result that has its own, a level below it. */
function activityCard(info: ScanInfo, heading: 'h1' | 'h2' = 'h1') {
  const a = info.activity;
  return h(
    'section',
    { class: 'card' },
    h(heading, {}, a.title),
    h(
      'div',
      { class: 'muted' },
      `${t('time')}${timeFmt.format(new Date(a.startsAt))}–${clock.format(new Date(a.endsAt))}`,
    ),
    h('div', { class: 'muted' }, `${t('place')}${a.place ?? a.centreName}`),
  );
}

/** A screen that says plainly why signing in is not possible now, and what to do. */
function notNowScreen(info: ScanInfo | null, kind: ScanRefusal) {
  const w = info?.window;
  const [title, text, mark]: [string, string, string] =
    kind === 'expired'
      ? [t('expiredTitle'), t('expired'), '⟳']
      : kind === 'early'
        ? [t('earlyTitle'), t('early', { time: w ? timeFmt.format(new Date(w.opensAt)) : '' }), '◷']
        : kind === 'late'
          ? [t('lateTitle'), t('late', { time: w ? timeFmt.format(new Date(w.closesAt)) : '' }), '◷']
          : [t(kind), '', '!'];
  const kept = kind === 'expired' && (typed.phone || typed.name) ? h('p', { class: 'muted' }, t('expiredKept')) : null;
  const retry =
    kind === 'expired'
      ? h('button', { class: 'primary', type: 'button', click: () => void start() }, t('scanAgain'))
      : kind === 'early'
        ? h('button', { class: 'plain', type: 'button', click: () => void start() }, t('refresh'))
        : null;
  show(
    info && activityCard(info, 'h2'),
    h(
      'section',
      { class: 'card result', 'data-state': kind },
      h('div', { class: `big ${kind === 'early' || kind === 'expired' ? 'wait' : 'bad'}` }, mark),
      h('h1', {}, title),
      text && h('p', {}, text),
      kept,
      retry,
    ),
  );
}

function errorScreen(f: Failure, retry?: () => void) {
  if (f.refusal) return notNowScreen(null, f.refusal);
  show(
    h(
      'section',
      { class: 'card result' },
      h('div', { class: 'big bad' }, '!'),
      h('h1', {}, t(f.key)),
      retry ? h('button', { class: 'primary', type: 'button', click: retry }, t('again')) : null,
    ),
  );
}

const PENDING_WORDS: Record<NonNullable<ScanResult['reason']>, Key> = {
  unknown: 'pendingUnknown',
  device: 'pendingDevice',
  source: 'pendingSource',
  ambiguous: 'pendingAmbiguous',
};

function resultScreen(info: ScanInfo, r: Pick<ScanResult, 'status' | 'signedAt' | 'repeated' | 'reason'>) {
  const ok = r.status === 'confirmed';
  const lines: Child[] =
    r.status === 'confirmed'
      ? [
          h('div', { class: 'big ok' }, '✓'),
          h('h1', {}, r.repeated ? t('doneBefore') : t('done')),
          h('p', { class: 'muted' }, t('at', { time: clock.format(new Date(r.signedAt)) })),
        ]
      : r.status === 'pending'
        ? [
            h('div', { class: 'big wait' }, '…'),
            h('h1', {}, t('pending')),
            h('p', {}, t(PENDING_WORDS[r.reason ?? 'unknown'])),
          ]
        : [h('div', { class: 'big bad' }, '×'), h('h1', {}, t('rejected'))];
  const out = h('p', { class: 'muted', role: 'status' });
  const checkOut =
    ok && info.known
      ? h(
          'button',
          {
            class: 'plain',
            type: 'button',
            click: async () => {
              const res = await send(signInApi.scanCheckOut);
              const r = res.ok ? null : res.fail.refusal;
              out.textContent = res.ok
                ? t('checkedOut', { hours: res.data.attendedHours })
                : r
                  ? t(r === 'expired' ? 'expired' : r === 'cancelled' || r === 'over' ? r : 'pageOld')
                  : t(res.fail.key === 'busy' ? 'notSignedIn' : res.fail.key);
            },
          },
          t('checkOut'),
        )
      : null;
  // A family's one phone: the next person may still sign in (staff then confirm them).
  const other = h('button', { class: 'plain', type: 'button', click: () => formScreen(info) }, t('someoneElse'));
  show(
    activityCard(info, 'h2'),
    h('section', { class: 'card result', 'data-status': r.status }, ...lines, checkOut, out),
    other,
  );
}

/** After a refused sign-in: a refusal gets its own screen; anything else a line under the button. */
function refused(info: ScanInfo, f: Failure, error: HTMLElement) {
  if (f.refusal) return notNowScreen(info, f.refusal);
  if (f.key === 'notKnown') return formScreen(info);
  error.textContent = t(f.key);
}

function formScreen(info: ScanInfo) {
  const error = h('div', { class: 'error', role: 'alert' });
  const phone = h('input', {
    id: 'phone',
    type: 'tel',
    inputmode: 'numeric',
    autocomplete: 'tel',
    maxlength: '20',
    required: true,
  }) as HTMLInputElement;
  const name = h('input', {
    id: 'name',
    type: 'text',
    autocomplete: 'name',
    maxlength: '40',
    required: true,
  }) as HTMLInputElement;
  phone.value = typed.phone;
  name.value = typed.name;
  phone.addEventListener('input', () => (typed.phone = phone.value));
  name.addEventListener('input', () => (typed.name = name.value));
  const remember = h('input', { id: 'remember', type: 'checkbox', checked: true }) as HTMLInputElement;
  const submit = h('button', { class: 'primary', type: 'submit' }, t('submit')) as HTMLButtonElement;
  const form = h(
    'form',
    {
      novalidate: true,
      submit: async (e: Event) => {
        e.preventDefault();
        if (!phone.value.trim() || !name.value.trim()) {
          error.textContent = t('needBoth');
          return;
        }
        submit.disabled = true;
        submit.textContent = t('sending');
        const res = await send(signInApi.scan, {
          phone: phone.value,
          name: name.value.trim(),
          remember: remember.checked,
          ...(ticket ? { ticket } : {}),
        });
        submit.disabled = false;
        submit.textContent = t('submit');
        if (res.ok) resultScreen(info, res.data);
        else refused(info, res.fail, error);
      },
    },
    h('label', { for: 'phone' }, t('phone')),
    phone,
    h('label', { for: 'name' }, t('name')),
    name,
    h('label', { class: 'check', for: 'remember' }, remember, t('remember')),
    error,
    submit,
  );
  show(activityCard(info), h('section', { class: 'card' }, form));
}

function knownScreen(info: ScanInfo, name: string) {
  const error = h('div', { class: 'error', role: 'alert' });
  const go = h(
    'button',
    {
      class: 'primary',
      type: 'button',
      click: async () => {
        go.setAttribute('disabled', '');
        const res = await send(signInApi.scan, { known: true, ...(ticket ? { ticket } : {}) });
        go.removeAttribute('disabled');
        if (res.ok) resultScreen(info, res.data);
        else refused(info, res.fail, error);
      },
    },
    t('oneTap', { name }),
  );
  show(
    activityCard(info),
    h(
      'section',
      { class: 'card' },
      h('p', {}, t('youAre', { name })),
      go,
      error,
      h('button', { class: 'plain', type: 'button', click: () => formScreen(info) }, t('notMe')),
    ),
  );
}

async function start() {
  const res = await send(signInApi.scanInfo);
  if (!res.ok) return errorScreen(res.fail, () => void start());
  const info = res.data;
  csrf = info.csrfToken;
  ticket = info.ticket;
  if (info.signedIn)
    return resultScreen(info, {
      status: info.signedIn.status,
      signedAt: info.signedIn.signedAt,
      repeated: true,
      reason: null,
    });
  if (info.activity.status === 'cancelled') return notNowScreen(info, 'cancelled');
  if (info.activity.status === 'done') return notNowScreen(info, 'over');
  if (info.window.state !== 'open') return notNowScreen(info, info.window.state);
  if (info.known) return knownScreen(info, info.known.name);
  formScreen(info);
}

void start();
