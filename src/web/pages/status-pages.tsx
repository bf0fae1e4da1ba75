import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { M } from '../i18n/messages';

/** A page that cannot be shown: what happened, and the way back to the start page. */
function HomeResult({ status, title }: { status: '403' | '404'; title: string }) {
  const { t } = useI18n();
  return (
    <Result
      status={status}
      title={title}
      extra={
        <Link to="/">
          <Button type="primary">{t(M.backHome)}</Button>
        </Link>
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
