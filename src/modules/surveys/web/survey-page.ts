/**
 * The resident's survey page (/m/q/<id>), opened from the phone pages or a printed QR poster.
 * Plain DOM and fetch — no React, no antd — so it loads fast on a cheap phone. Its requests go to
 * the endpoints the contract declares (`call`). A matrix question is shown one row after another.
 */
import '../../../shared/zod-browser';
import { ApiError } from '../../../web/api/api-error';
import { call } from '../../../web/api/client';
import { h, lang, showIn, wordsOf, type Child } from '../../../web/light-page';
import { isShown, type Answer, type Answers, type Question } from '../survey-questions';
import { surveyFormApi, type SurveyForm } from '../surveys.contract';

const WORDS = {
  brand: ['社区教育 · 居民问卷', 'Community education · Survey'],
  elder: ['大字模式', 'Large text'],
  elderOn: ['已开启', 'On'],
  elderOff: ['已关闭', 'Off'],
  loading: ['正在加载…', 'Loading…'],
  until: ['填写截止：{date}', 'Open until {date}'],
  anonymous: [
    '本问卷匿名：您的答案与您的姓名分开保存，任何人都无法对应。',
    'Anonymous: your answers are kept apart from your name; nobody can join them.',
  ],
  named: ['本问卷实名填写。', 'This survey is not anonymous.'],
  asResident: ['您正以“{name}”的身份填写', 'Answering as “{name}”'],
  whoTitle: ['请先填写您的手机号和姓名', 'Your phone number and name'],
  whoHelp: ['与居民名册核对，每人只能填写一次', 'Checked against the roster; one response per resident'],
  phone: ['手机号', 'Phone number'],
  name: ['姓名', 'Name'],
  required: ['必答', 'required'],
  submit: ['提交问卷', 'Submit'],
  sending: ['正在提交…', 'Sending…'],
  thanks: ['提交成功，感谢您的参与！', 'Thank you! Your answers are in.'],
  answered: ['您已经填写过这份问卷，感谢参与！', 'You have already answered this survey. Thank you!'],
  missing: ['请回答标红的题目', 'Please answer the marked questions'],
  needWho: ['请填写手机号和姓名', 'Enter your phone number and name'],
  offline: ['网络连接失败，请检查网络后重试', 'Network error; check your connection and try again'],
  notFound: ['找不到这份问卷，可能尚未发布', 'This survey was not found; it may not be published yet'],
  tooMany: ['操作太频繁，请稍后再试', 'Too many tries; please wait a minute'],
  pageOld: ['页面已过期，请刷新后重试', 'The page is out of date; reload and try again'],
  busy: ['系统繁忙，请稍后再试', 'The server is busy; please try again later'],
  again: ['重试', 'Try again'],
  rowOf: ['{title}（{row}）', '{title} ({row})'],
} as const;
const t = wordsOf(WORDS);

const id = decodeURIComponent(location.pathname.split('/').pop() ?? '');
const via = new URLSearchParams(location.search).get('via') === 'poster' ? 'poster' : 'phone';
const app = document.getElementById('app')!;

const show = (...cards: Child[]) => showIn(app, t, cards);

/** The server's words for a refusal it explains (closed, answered, not on the roster), else this page's own. */
function failureText(err: unknown): string {
  if (!(err instanceof ApiError) || err.status === 0) return t('offline');
  if (err.status === 409) return lang === 0 ? err.messageZh : err.messageEn;
  if (err.status === 404) return t('notFound');
  if (err.status === 429) return t('tooMany');
  if (err.status === 403) return t('pageOld');
  return t('busy');
}

function messageCard(text: string, mark: string, cls: string, retry?: () => void) {
  return h(
    'section',
    { class: 'card result' },
    h('div', { class: `big ${cls}` }, mark),
    h('p', {}, text),
    retry ? h('button', { class: 'primary', type: 'button', click: retry }, t('again')) : null,
  );
}

const answers: Answers = {};

/** One choice as a big tappable row. */
function choice(
  type: 'radio' | 'checkbox',
  name: string,
  value: string,
  text: string,
  checked: boolean,
  on: () => void,
) {
  return h(
    'label',
    { class: 'opt' },
    h('input', { type, name, value, ...(checked ? { checked: true } : {}), change: on }),
    h('span', {}, text),
  );
}

/** One question's controls; `redraw` re-applies show-if after a choice. */
function questionBlock(q: Question, n: number, redraw: () => void): HTMLElement {
  const head = h(
    'legend',
    {},
    `${n}. ${q.title}`,
    q.required ? h('span', { class: 'req' }, ` *${t('required')}`) : null,
  );
  const box = h('fieldset', { class: 'card', 'data-q': q.id }, head);
  const set = (a: Answer | undefined) => {
    if (a === undefined) delete answers[q.id];
    else answers[q.id] = a;
    box.classList.remove('invalid');
    redraw();
  };
  const name = `q-${q.id}`;
  switch (q.type) {
    case 'single':
      for (const o of q.options)
        box.append(choice('radio', name, o.id, o.label, answers[q.id] === o.id, () => set(o.id)));
      break;
    case 'multiple':
      for (const o of q.options)
        box.append(
          choice('checkbox', name, o.id, o.label, ((answers[q.id] as string[]) ?? []).includes(o.id), () => {
            const picked = [...box.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
            set(picked.length ? picked : undefined);
          }),
        );
      break;
    case 'rating': {
      const stars = h('div', { class: 'stars' });
      for (let v = 1; v <= 5; v++)
        stars.append(choice('radio', name, String(v), `${v}`, answers[q.id] === v, () => set(v)));
      box.append(stars);
      break;
    }
    case 'matrix':
      // One row after another, each a small question of its own.
      for (const row of q.rows) {
        const sub = h('fieldset', { class: 'row-q' }, h('legend', {}, row.label));
        const current = (answers[q.id] as Record<string, string> | undefined) ?? {};
        for (const o of q.options)
          sub.append(
            choice('radio', `${name}-${row.id}`, o.id, o.label, current[row.id] === o.id, () => {
              const m = { ...((answers[q.id] as Record<string, string> | undefined) ?? {}), [row.id]: o.id };
              set(m);
            }),
          );
        box.append(sub);
      }
      break;
    default: {
      const input =
        q.type === 'text'
          ? h('input', { type: 'text', maxlength: '200', 'aria-label': q.title })
          : h('textarea', { maxlength: '2000', 'aria-label': q.title });
      (input as HTMLInputElement).value = (answers[q.id] as string | undefined) ?? '';
      input.addEventListener('input', () => {
        const v = (input as HTMLInputElement).value;
        if (v.trim()) answers[q.id] = v;
        else delete answers[q.id];
        box.classList.remove('invalid');
      });
      box.append(input);
    }
  }
  return box;
}

function formScreen(form: SurveyForm) {
  const err = h('div', { class: 'error', role: 'alert' });
  const phone = h('input', { type: 'tel', id: 'sv-phone', autocomplete: 'tel', inputmode: 'tel' }) as HTMLInputElement;
  const name = h('input', { type: 'text', id: 'sv-name', autocomplete: 'name' }) as HTMLInputElement;
  const who = form.resident
    ? h('section', { class: 'card' }, h('p', {}, t('asResident', { name: form.resident.name })))
    : h(
        'section',
        { class: 'card' },
        h('h2', {}, t('whoTitle')),
        h('p', { class: 'muted' }, t('whoHelp')),
        h('label', { for: 'sv-phone' }, t('phone')),
        phone,
        h('label', { for: 'sv-name' }, t('name')),
        name,
      );
  const list = h('div', {});
  const blocks = new Map<string, HTMLElement>();
  const redraw = () => {
    for (const q of form.questions) {
      const shown = isShown(q, form.questions, answers);
      if (!shown) delete answers[q.id];
      blocks.get(q.id)!.hidden = !shown;
    }
  };
  form.questions.forEach((q, i) => {
    const b = questionBlock(q, i + 1, redraw);
    blocks.set(q.id, b);
    list.append(b);
  });
  redraw();
  const send = h('button', { class: 'primary', type: 'submit' }, t('submit')) as HTMLButtonElement;
  const mark = (ids: string[]) => {
    for (const [qid, b] of blocks) b.classList.toggle('invalid', ids.includes(qid));
    blocks.get(ids[0])?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    err.textContent = '';
    const missing = form.questions
      .filter((q) => q.required && !blocks.get(q.id)!.hidden)
      .filter((q) => {
        const a = answers[q.id];
        return a === undefined || (q.type === 'matrix' && q.rows.some((r) => !(r.id in (a as object))));
      })
      .map((q) => q.id);
    if (missing.length) {
      err.textContent = t('missing');
      return mark(missing);
    }
    if (!form.resident && (!phone.value.trim() || !name.value.trim())) {
      err.textContent = t('needWho');
      return (phone.value.trim() ? name : phone).focus();
    }
    send.disabled = true;
    send.textContent = t('sending');
    try {
      await call(
        surveyFormApi.answer,
        {
          params: { id },
          body: {
            answers,
            via,
            ...(form.resident ? {} : { phone: phone.value.trim(), name: name.value.trim() }),
          },
        },
        { silent: true, csrf: form.csrfToken },
      );
      show(messageCard(t('thanks'), '✓', 'ok'));
    } catch (x) {
      send.disabled = false;
      send.textContent = t('submit');
      if (x instanceof ApiError && x.status === 400 && x.issues.length) {
        const bad = x.issues.filter((i) => i.path.startsWith('answers.')).map((i) => i.path.slice(8));
        err.textContent = x.issues.map((i) => (lang === 0 ? i.message : i.messageEn)).join('；');
        if (bad.length) mark(bad);
        return;
      }
      if (x instanceof ApiError && x.headers?.get('x-survey-refusal') === 'answered')
        return show(messageCard(t('answered'), '✓', 'ok'));
      err.textContent = failureText(x);
    }
  };
  show(
    h(
      'section',
      { class: 'card' },
      h('h1', {}, form.title),
      h('div', { class: 'muted' }, `${form.ownerName} · ${t('until', { date: form.closesOn })}`),
      form.intro ? h('p', {}, form.intro) : null,
      h('p', { class: 'muted' }, t(form.anonymous ? 'anonymous' : 'named')),
    ),
    who,
    h('form', { submit: (e: Event) => void submit(e), novalidate: true }, list, err, send),
  );
}

async function start() {
  try {
    const form = await call(surveyFormApi.form, { params: { id } }, { silent: true });
    if (form.resident?.answered) return show(messageCard(t('answered'), '✓', 'ok'));
    formScreen(form);
  } catch (err) {
    show(messageCard(failureText(err), '!', 'bad', () => void start()));
  }
}

void start();
