import { Button, Card, Segmented, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../web/i18n/i18n';
import { ElderSwitch } from './elder-switch';
import { residentAuthApi } from '../resident-auth.contract';
import { meCall, setResidentCsrf } from './portal-api';
import { M } from './portal.messages';
import { RESIDENT_ME_KEY, useResidentMe } from './portal.queries';

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
      <Card size="small">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {me.data?.resident.name}
        </Typography.Title>
        <Typography.Text type="secondary">{me.data?.resident.nodeName}</Typography.Text>
      </Card>
      <ElderSwitch />
      <Card size="small" title={t(M.language)}>
        <Segmented
          block
          value={locale}
          onChange={(v) => setLocale(v as typeof locale)}
          options={[
            { value: 'zh-CN', label: '中文' },
            { value: 'en-US', label: 'English' },
          ]}
        />
      </Card>
      <Button block danger size="large" onClick={() => void logout()}>
        {t(M.logout)}
      </Button>
    </>
  );
}
