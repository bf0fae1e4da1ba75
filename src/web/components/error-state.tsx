import { Button, Result } from 'antd';
import { errorText } from '../api/api-error';
import { useI18n } from '../i18n/i18n';
import { M } from '../i18n/messages';

/** A failed load: what went wrong, in the user's language, and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, locale } = useI18n();
  return (
    <Result
      status="warning"
      title={t(M.loadFailed)}
      subTitle={errorText(error, locale)}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t(M.retry)}
          </Button>
        ) : undefined
      }
    />
  );
}
