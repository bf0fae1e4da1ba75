import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { M } from '../i18n/messages';

export function ForbiddenPage() {
  const { t } = useI18n();
  return (
    <Result
      status="403"
      title={t(M.forbiddenTitle)}
      extra={
        <Link to="/">
          <Button type="primary">{t(M.backHome)}</Button>
        </Link>
      }
    />
  );
}
