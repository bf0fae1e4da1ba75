import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Endpoint, EndpointInput } from '../../shared/endpoint';
import { errorText } from '../api/api-error';
import { download } from '../api/client';
import { useI18n, type Msg } from '../i18n/i18n';

const M = {
  export: ['导出 Excel', 'Export to Excel'],
  exporting: ['正在导出…', 'Exporting…'],
  failed: ['导出失败', 'Export failed'],
} as const satisfies Record<string, Msg>;

/**
 * A list page's export (toolbar): downloads the list's .xlsx with the filters the page shows now,
 * through the endpoint declared in the module's contract (`produces: XLSX`).
 */
export function ExportButton<E extends Endpoint>({
  endpoint,
  input,
  fileName,
}: {
  endpoint: E;
  /** The list's current filters (its query without page and pageSize), and params if any. */
  input: EndpointInput<E>;
  /** The name to save under if the server names none. */
  fileName: string;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await download(endpoint, input, fileName);
    } catch (err) {
      void message.error(`${t(M.failed)}：${errorText(err, locale)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()}>
      {busy ? t(M.exporting) : t(M.export)}
    </Button>
  );
}
