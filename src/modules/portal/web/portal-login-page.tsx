import { useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError, errorText } from '../../../web/api/api-error';
import { useI18n } from '../../../web/i18n/i18n';
import { LIMITS } from '../../../shared/limits';
import { residentAuthApi, type ResidentMe } from '../resident-auth.contract';
import { ElderSwitch } from './elder-switch';
import { meCall, setResidentCsrf } from './portal-api';
import { M } from './portal.messages';
import { RESIDENT_ME_KEY } from './portal.queries';
import { Button, Card, Choice, Icon } from './phone-ui';

type Mode = 'login' | 'activate';
type Field = 'phone' | 'name' | 'code' | 'password';
type Values = Record<Field, string> & { remember: boolean };

const EMPTY: Values = { phone: '', name: '', code: '', password: '', remember: true };

/** The fields each mode shows, in order. */
const FIELDS: Record<Mode, Field[]> = { login: ['phone', 'password'], activate: ['phone', 'name', 'code', 'password'] };

/** Phone + password; or, the first time, phone + name + the centre's code to set a password. */
export function PortalLoginPage() {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const [mode, setMode] = useState<Mode>('login');
  const [v, setV] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState(false);

  const labels: Record<Field, string> = {
    phone: t(M.phone),
    name: t(M.name),
    code: t(M.code),
    password: t(mode === 'login' ? M.password : M.newPassword),
  };

  /** What is missing or malformed before anything is sent. */
  const check = () => {
    const found: Partial<Record<Field, string>> = {};
    for (const f of FIELDS[mode]) if (!v[f].trim()) found[f] = t(M.fill, { field: labels[f] });
    if (mode === 'activate' && v.code.trim() && !/^\d{8}$/.test(v.code.trim())) found.code = t(M.codeDigits);
    return found;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = check();
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const me: ResidentMe =
        mode === 'login'
          ? await meCall(residentAuthApi.login, {
              body: { phone: v.phone, password: v.password, remember: v.remember },
            })
          : await meCall(residentAuthApi.activate, {
              body: { phone: v.phone, name: v.name, code: v.code.trim(), password: v.password },
            });
      setResidentCsrf(me.csrfToken);
      qc.setQueryData(RESIDENT_ME_KEY, me);
    } catch (err) {
      // The server's field issues beside their fields; the rest above the button.
      const byField: Partial<Record<Field, string>> = {};
      const rest: string[] = [];
      for (const i of isApiError(err) ? err.issues : []) {
        const f = i.path.split('.')[0] as Field;
        const text = locale === 'zh-CN' ? i.message : i.messageEn;
        if (FIELDS[mode].includes(f)) byField[f] = text;
        else rest.push(text);
      }
      setErrors(byField);
      setFailure([errorText(err, locale), ...rest].join(' '));
    } finally {
      setBusy(false);
    }
  };

  const input = (f: Field) => {
    const id = `portal-${f}`;
    const attrs = (
      {
        phone: { type: 'tel', inputMode: 'numeric', autoComplete: 'tel', maxLength: LIMITS.phone },
        name: { type: 'text', autoComplete: 'name', maxLength: LIMITS.personName },
        code: { type: 'text', inputMode: 'numeric', autoComplete: 'one-time-code', maxLength: 8 },
        password: {
          type: shown ? 'text' : 'password',
          autoComplete: mode === 'login' ? 'current-password' : 'new-password',
          maxLength: LIMITS.passwordMax,
        },
      } satisfies Record<Field, InputHTMLAttributes<HTMLInputElement>>
    )[f];
    const field = (
      <input
        id={id}
        {...attrs}
        value={v[f]}
        onChange={(e) => setV({ ...v, [f]: e.target.value })}
        aria-invalid={errors[f] ? true : undefined}
        aria-describedby={errors[f] ? `${id}-error` : undefined}
      />
    );
    return (
      <div className="field" key={f}>
        <label htmlFor={id}>{labels[f]}</label>
        {f === 'password' ? (
          <div className="with-button">
            {field}
            <button type="button" className="reveal" aria-pressed={shown} onClick={() => setShown(!shown)}>
              <Icon name="eye" />
              <span className="sr-only">{t(M.showPassword)}</span>
            </button>
          </div>
        ) : (
          field
        )}
        {errors[f] && (
          <div className="field-error" id={`${id}-error`}>
            {errors[f]}
          </div>
        )}
      </div>
    );
  };

  return (
    <>
      <ElderSwitch />
      <Card title={t(M.loginTitle)}>
        <Choice
          label={t(M.loginTitle)}
          value={mode}
          onChange={(m) => {
            setMode(m);
            setV(EMPTY);
            setErrors({});
            setFailure(null);
          }}
          options={[
            { value: 'login', label: t(M.loginTab) },
            { value: 'activate', label: t(M.activateTab) },
          ]}
        />
        <form onSubmit={(e) => void submit(e)} noValidate>
          {FIELDS[mode].map(input)}
          {mode === 'login' && (
            <label className="check">
              <input
                type="checkbox"
                checked={v.remember}
                onChange={(e) => setV({ ...v, remember: e.target.checked })}
              />
              <span>{t(M.remember)}</span>
            </label>
          )}
          {failure && (
            <div className="alert" role="alert">
              {failure}
            </div>
          )}
          <Button kind="primary" type="submit" busy={busy}>
            {t(mode === 'login' ? M.login : M.activate)}
          </Button>
        </form>
      </Card>
    </>
  );
}
