import '../../../shared/zod-browser'; // first: before any schema is built (see that file)
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { isApiError } from '../../../web/api/api-error';
import { I18nProvider } from '../../../web/i18n/i18n';
import './elder-mode'; // html.elder from the phone's choice, before the first paint
import { PortalShell } from './portal-shell';

/**
 * The resident's phone pages (/m): their own small entry (phone.html), not the staff app — React
 * and react-query, but no antd, no router and no staff session, so they load fast on a village
 * connection. The sign-in page (/m/s/…) is another entry still lighter (no React).
 */
const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retrying a refusal cannot help; a flaky network might.
      retry: (count, err) => count < 2 && (!isApiError(err) || err.status === 0 || err.status >= 500),
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <PortalShell />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
