import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n';
import { M } from '../i18n/messages';

/** One button: shows the other language, switches to it, remembers it. */
export function LanguageSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { isZh, setLocale, t } = useI18n();
  return (
    <Button
      type={type}
      icon={<GlobalOutlined />}
      onClick={() => setLocale(isZh ? 'en-US' : 'zh-CN')}
      title={t(M.language)}
      lang={isZh ? 'en' : 'zh-CN'}
    >
      {isZh ? t(M.switchToEn) : t(M.switchToZh)}
    </Button>
  );
}
