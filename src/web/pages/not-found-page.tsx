import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { M } from '../i18n/messages';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t(M.notFoundTitle)}
      extra={
        <Link to="/">
          <Button type="primary">{t(M.backHome)}</Button>
        </Link>
      }
    />
  );
}
