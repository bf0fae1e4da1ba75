import { useState } from 'react';
import { App, Button, Card, Form, Select, Space } from 'antd';
import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { errorText } from '../../../web/api/api-error';
import { urlOf } from '../../../web/api/client';
import { importsApi } from '../imports.contract';
import { PageHeader } from '../../../web/components/page-header';
import { useI18n } from '../../../web/i18n/i18n';
import { NodeTreeSelect } from '../../../web/org-tree/node-tree-select';
import { ImportWizard } from './import-wizard';
import { M } from './imports.messages';
import { downloadFile, useExportTags } from './imports.queries';

/** 名册导入导出: the import wizard, the template, and the export of the roster. */
export function ImportPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [exportNode, setExportNode] = useState<string | undefined>();
  const [exportTag, setExportTag] = useState<string | undefined>();
  const tags = useExportTags();
  const [busy, setBusy] = useState<'template' | 'export' | null>(null);

  const download = async (what: 'template' | 'export') => {
    setBusy(what);
    try {
      if (what === 'template') await downloadFile(urlOf(importsApi.template, { query: {} }), 'template.xlsx');
      else
        await downloadFile(
          urlOf(importsApi.export, { query: { nodeId: exportNode, tag: exportTag } }),
          'residents.xlsx',
        );
    } catch (err) {
      void message.error(`${t(M.downloadFailed)}：${errorText(err, locale)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader
        title={t(M.title)}
        extra={
          <Button
            icon={<DownloadOutlined />}
            size="large"
            loading={busy === 'template'}
            onClick={() => void download('template')}
          >
            {t(M.downloadTemplate)}
          </Button>
        }
        help={t(M.templateHelp)}
      />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <ImportWizard />
        <Card title={t(M.exportTitle)}>
          <Form layout="vertical" style={{ maxWidth: 520 }}>
            <Form.Item label={t(M.exportScope)} extra={t(M.exportHelp)}>
              <NodeTreeSelect
                value={exportNode}
                onChange={setExportNode}
                allowClear
                placeholder={t(M.exportScopeAll)}
                aria-label={t(M.exportScope)}
              />
            </Form.Item>
            <Form.Item label={t(M.exportTag)}>
              <Select
                value={exportTag}
                onChange={setExportTag}
                allowClear
                placeholder={t(M.exportTagAll)}
                aria-label={t(M.exportTag)}
                loading={tags.isPending && tags.fetchStatus !== 'idle'}
                options={(tags.data?.tags ?? []).map((tag) => ({ value: tag.code, label: tag.label }))}
              />
            </Form.Item>
            <Button
              type="primary"
              icon={<ExportOutlined />}
              size="large"
              loading={busy === 'export'}
              onClick={() => void download('export')}
            >
              {busy === 'export' ? t(M.downloading) : t(M.exportButton)}
            </Button>
          </Form>
        </Card>
      </Space>
    </>
  );
}
