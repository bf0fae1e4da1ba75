import { useId, useState, useSyncExternalStore, type ReactNode } from 'react';
import { errorText } from '../../../web/api/api-error';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { M } from './portal.messages';

// The phone pages' own small parts (no antd: they load on a village connection). Their look is
// the CSS in phone.html: big type, 48 px targets, 64 px in elder mode.

type ButtonProps = {
  children: ReactNode;
  onClick?: () => void;
  kind?: 'primary' | 'plain' | 'danger';
  type?: 'button' | 'submit';
  busy?: boolean;
  disabled?: boolean;
};

/** A full-width button; while `busy` it says so and cannot be pressed again. */
export function Button({ children, onClick, kind = 'plain', type = 'button', busy, disabled }: ButtonProps) {
  const { t } = useI18n();
  return (
    <button
      type={type}
      className={`btn ${kind}`}
      onClick={onClick}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {busy ? t(M.sending) : children}
    </button>
  );
}

/**
 * Two choices side by side, one chosen (我报名的 / 附近本周, 登录 / 首次激活, 中文 / English): native
 * radio buttons (arrow keys, screen readers), each label the whole segment.
 */
export function Choice<V extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: V;
  options: { value: V; label: string }[];
  onChange: (v: V) => void;
}) {
  const name = useId();
  return (
    <div className="choice" role="radiogroup" aria-label={label}>
      {options.map((o) => (
        <label key={o.value} className={o.value === value ? 'on' : undefined}>
          <input
            type="radio"
            className="sr-only"
            name={name}
            value={o.value}
            checked={o.value === value}
            onChange={() => onChange(o.value)}
          />
          {o.label}
        </label>
      ))}
    </div>
  );
}

/** A white card; its title (if any) is a level-two heading. */
export function Card({ title, children, testId }: { title?: string; children: ReactNode; testId?: string }) {
  return (
    <section className="card" data-testid={testId}>
      {title && <h2>{title}</h2>}
      {children}
    </section>
  );
}

export const Tag = ({
  tone,
  children,
}: {
  tone: 'green' | 'blue' | 'orange' | 'red' | 'grey';
  children: ReactNode;
}) => <span className={`tag ${tone}`}>{children}</span>;

export const Empty = ({ text }: { text: string }) => <p className="empty">{text}</p>;

/** A figure with its name under it (学分, 学时…). */
export const Stat = ({ label, value, big }: { label: string; value: ReactNode; big?: boolean }) => (
  <div className={big ? 'stat big' : 'stat'}>
    <div className="stat-value">{value}</div>
    <div className="stat-label">{label}</div>
  </div>
);

export function Loading() {
  const { t } = useI18n();
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden />
      <span>{t(APP.loading)}</span>
    </div>
  );
}

/** A failed load: what went wrong in the reader's language, and a way to try again. */
export function LoadFailed({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, locale } = useI18n();
  return (
    <div className="card failed" role="alert">
      <p>
        <b>{t(APP.loadFailed)}</b>
      </p>
      <p>{errorText(error, locale)}</p>
      {onRetry && (
        <Button kind="primary" onClick={onRetry}>
          {t(APP.retry)}
        </Button>
      )}
    </div>
  );
}

/**
 * A button that asks first: the question and 确定 / 再想想 take its place (one more tap, as a
 * change that gives away a place or spends credits should).
 */
export function ConfirmButton({
  children,
  question,
  onConfirm,
  busy,
  kind = 'plain',
}: {
  children: ReactNode;
  question: string;
  onConfirm: () => void;
  busy?: boolean;
  kind?: 'primary' | 'plain';
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <Button kind={kind} busy={busy} onClick={() => setAsking(true)}>
        {children}
      </Button>
    );
  return (
    <div className="confirm" role="group" aria-label={question}>
      <p>{question}</p>
      <div className="confirm-buttons">
        <Button
          kind="primary"
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {t(M.yes)}
        </Button>
        <Button onClick={() => setAsking(false)}>{t(M.no)}</Button>
      </div>
    </div>
  );
}

// A short message after a change (报名成功…), read out by screen readers; gone after 4 seconds.
let toast: { text: string; tone: 'ok' | 'bad' } | null = null;
let toastTimer: number | undefined;
const toastListeners = new Set<() => void>();
const setToast = (next: typeof toast) => {
  toast = next;
  for (const fn of toastListeners) fn();
};

/** Shows a short message at the bottom of the screen. */
export function say(text: string, tone: 'ok' | 'bad' = 'ok') {
  window.clearTimeout(toastTimer);
  setToast({ text, tone });
  toastTimer = window.setTimeout(() => setToast(null), 4000);
}

/** Where `say` shows its message (once, in the shell). */
export function Toast() {
  const now = useSyncExternalStore(
    (fn) => {
      toastListeners.add(fn);
      return () => void toastListeners.delete(fn);
    },
    () => toast,
  );
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {now && <div className={`toast ${now.tone}`}>{now.text}</div>}
    </div>
  );
}

const ICONS = {
  calendar: 'M4 6h16v14H4z M4 10h16 M8 3v5 M16 3v5',
  book: 'M3 5h6a3 3 0 0 1 3 3v12a3 3 0 0 0-3-3H3z M21 5h-6a3 3 0 0 0-3 3v12a3 3 0 0 1 3-3h6z',
  gift: 'M3 8h18v4H3z M5 12h14v9H5z M12 8v13 M12 8C10 4 6.5 4 7.5 6.5S12 8 12 8z M12 8c2-4 5.5-4 4.5-1.5S12 8 12 8z',
  user: 'M12 4a4 4 0 1 1 0 8a4 4 0 1 1 0-8z M4 21c0-4 4-7 8-7s8 3 8 7',
  clock: 'M12 3a9 9 0 1 1 0 18a9 9 0 1 1 0-18z M12 7v5l3 2',
  place: 'M12 21s-7-6.5-7-12a7 7 0 0 1 14 0c0 5.5-7 12-7 12z M12 6.5a2.5 2.5 0 1 1 0 5a2.5 2.5 0 1 1 0-5z',
  eye: 'M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z M12 9a3 3 0 1 1 0 6a3 3 0 1 1 0-6z',
} as const;

/** A line icon beside words that say the same (never alone: it is hidden from screen readers). */
export const Icon = ({ name }: { name: keyof typeof ICONS }) => (
  <svg className="icon" viewBox="0 0 24 24" aria-hidden focusable="false">
    <path d={ICONS[name]} />
  </svg>
);
