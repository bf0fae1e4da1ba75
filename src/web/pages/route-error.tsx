import { Button } from 'antd';
import { useRouteError } from 'react-router';
import { useI18n, type Msg } from '../i18n/i18n';

const M = {
  title: ['页面出错了', 'Something went wrong on this page'],
  stale: ['系统刚刚更新过，请刷新页面后继续。', 'The system was just updated; reload the page to go on.'],
  other: [
    '请刷新页面再试。如果仍然出错，请联系管理员。',
    'Reload the page and try again. If it keeps happening, contact an administrator.',
  ],
  reload: ['刷新页面', 'Reload'],
} satisfies Record<string, Msg>;

/**
 * Shown when a page fails to render or its code cannot be loaded. After a new version is
 * deployed, an open tab asks for chunk files that no longer exist: a reload fixes that.
 */
export function RouteError() {
  const { t } = useI18n();
  const error = useRouteError();
  const text = error instanceof Error ? error.message : String(error ?? '');
  const stale = /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(text);
  return (
    <div role="alert" style={{ maxWidth: 480, margin: '15vh auto', padding: 24, textAlign: 'center' }}>
      <h1 style={{ fontSize: 22, fontWeight: 600 }}>{t(M.title)}</h1>
      <p style={{ color: '#50635a' }}>{t(stale ? M.stale : M.other)}</p>
      <Button type="primary" size="large" onClick={() => window.location.reload()}>
        {t(M.reload)}
      </Button>
    </div>
  );
}
