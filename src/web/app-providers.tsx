import { useEffect, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import updateLocale from 'dayjs/plugin/updateLocale';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { isApiError } from './api/api-error';
import { AuthProvider } from './auth/auth-context';
import { I18nProvider, useI18n } from './i18n/i18n';
import { M } from './i18n/messages';
import { theme } from './theme';

// Weeks begin on Monday in both languages (house style); dayjs's English locale starts on Sunday.
dayjs.extend(updateLocale);
dayjs.updateLocale('en', { weekStart: 1 });

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retrying a refusal or a validation error cannot help; a flaky network might.
      retry: (count, err) => count < 2 && (!isApiError(err) || err.status === 0 || err.status >= 500),
    },
  },
});

function LocalisedAntd({ children }: { children: ReactNode }) {
  const { locale, t } = useI18n();
  useEffect(() => {
    document.documentElement.lang = locale;
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
    document.title = t(M.appName);
  }, [locale, t]);
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={theme} button={{ autoInsertSpace: false }}>
      {children}
    </ConfigProvider>
  );
}

/** Everything every page needs: data cache, language, antd theme and locale, the signed-in user. */
export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <LocalisedAntd>
          <AuthProvider>{children}</AuthProvider>
        </LocalisedAntd>
      </I18nProvider>
    </QueryClientProvider>
  );
}
