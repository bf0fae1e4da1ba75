import { useI18n } from '../../../web/i18n/i18n';
import { useElderMode } from './elder-mode';
import { M } from './portal.messages';

/**
 * 大字模式 as one large switch (the whole row is the target, 64 px tall), where an elderly
 * person starts (the login page) and on 我的. Remembered on the phone, shared with the sign-in page.
 */
export function ElderSwitch() {
  const { t } = useI18n();
  const [elder, setElder] = useElderMode();
  return (
    <button
      type="button"
      role="switch"
      aria-checked={elder}
      aria-label={t(M.elder)}
      className="elder-switch"
      onClick={() => setElder(!elder)}
    >
      <span className="elder-switch-text">
        <b>{t(M.elder)}</b>
        <span>{elder ? t(M.elderOn) : t(M.elderOff)}</span>
      </span>
      <span className="elder-switch-track" aria-hidden>
        <span className="elder-switch-knob" />
      </span>
    </button>
  );
}
