import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../web/i18n/i18n';
import type { Locale } from '../../../shared/locale';
import { ElderSwitch } from './elder-switch';
import { residentAuthApi } from '../resident-auth.contract';
import { meCall, setResidentCsrf } from './portal-api';
import { M } from './portal.messages';
import { RESIDENT_ME_KEY, useResidentMe } from './portal.queries';
import { Button, Card, Choice } from './phone-ui';
import { followLink } from './phone-router';

/** 我的: who I am, elder mode (remembered on this phone), language, sign out. */
export function PortalMePage() {
  const { t, locale, setLocale } = useI18n();
  const me = useResidentMe();
  const qc = useQueryClient();
  const logout = async () => {
    try {
      await meCall(residentAuthApi.logout);
    } catch {
      /* already signed out */
    }
    setResidentCsrf(null);
    qc.removeQueries({ queryKey: ['resident'] });
    qc.setQueryData(RESIDENT_ME_KEY, null);
  };
  return (
    <>
      <Card title={me.data?.resident.name}>
        <p className="muted">{me.data?.resident.nodeName}</p>
      </Card>
      <a className="btn" href="/m/awards" onClick={(e) => followLink(e, '/m/awards')}>
        {t(M.awardsLink)}
      </a>
      <ElderSwitch />
      <Card title={t(M.language)}>
        <Choice<Locale>
          label={t(M.language)}
          value={locale}
          onChange={setLocale}
          options={[
            { value: 'zh-CN', label: '中文' },
            { value: 'en-US', label: 'English' },
          ]}
        />
      </Card>
      <Button kind="danger" onClick={() => void logout()}>
        {t(M.logout)}
      </Button>
    </>
  );
}
