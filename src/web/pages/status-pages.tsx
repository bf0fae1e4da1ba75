import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { M } from '../i18n/messages';

/** A page that cannot be shown: what happened, and the way back to the start page. */
function HomeResult({ status, title }: { status: '403' | '404'; title: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status={status}
      // The page's one level-one heading, in the result's own type.
      title={<h1 style={{ font: 'inherit', color: 'inherit', margin: 0 }}>{title}</h1>}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t(M.backHome)}
        </Button>
      }
    />
  );
}

export function ForbiddenPage() {
  const { t } = useI18n();
  return <HomeResult status="403" title={t(M.forbiddenTitle)} />;
}

export function NotFoundPage() {
  const { t } = useI18n();
  return <HomeResult status="404" title={t(M.notFoundTitle)} />;
}
