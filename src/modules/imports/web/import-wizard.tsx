import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Collapse,
  Form,
  Result,
  Row,
  Space,
  Statistic,
  Steps,
  Table,
  Typography,
  Upload,
} from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import {
  IMPORT_MAX_BYTES,
  importsApi,
  type ColumnMapping,
  type ImportIssue,
  type ImportJob,
} from '../imports.contract';
import { useI18n } from '../../../web/i18n/i18n';
import { NodeTreeSelect } from '../../../web/org-tree/node-tree-select';
import type { TreeNode } from '../../organisations/org.contract';
import { M } from './imports.messages';
import { ImportMapping } from './import-mapping';
import { downloadFile, fileToBase64, importErrorText as errorText } from './imports.queries';
import { urlOf } from '../../../web/api/client';
import { useApiMutation } from '../../../web/api/hooks';

const importable = (n: TreeNode) => n.level === 'town' || n.level === 'centre';

/** 导入向导: choose the scope → upload → check the report → import the good rows or cancel → result. */
export function ImportWizard() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [step, setStep] = useState(0);
  const [scope, setScope] = useState<string | undefined>();
  const [job, setJob] = useState<ImportJob | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const onError = (err: unknown) => void message.error(errorText(err, locale));
  const upload = useApiMutation(importsApi.upload, {
    onError: (err) => setUploadError(errorText(err, locale)),
    onSuccess: (result) => {
      setJob(result);
      setStep(2);
    },
  });
  const commit = useApiMutation(importsApi.commit, {
    invalidates: ['imports', 'residents'],
    onError,
    onSuccess: (result) => {
      setJob(result);
      setStep(3);
    },
  });
  const [version, setVersion] = useState(0);
  const remap = useApiMutation(importsApi.remap, {
    onError,
    onSuccess: (result) => {
      setJob(result);
      setVersion((v) => v + 1);
      void message.success(t(M.mappingApplied));
    },
  });
  const discard = useApiMutation(importsApi.discard, {
    onError,
    onSuccess: () => {
      void message.info(t(M.cancelled));
      restart();
    },
  });

  const restart = () => {
    setJob(null);
    setUploadError(null);
    setStep(1);
  };

  const send = async (file: File) => {
    setUploadError(null);
    if (!/\.xlsx$/i.test(file.name)) return setUploadError(t(M.notXlsx));
    if (file.size > IMPORT_MAX_BYTES) return setUploadError(t(M.tooBig));
    let contentBase64: string;
    try {
      contentBase64 = await fileToBase64(file);
    } catch (err) {
      return setUploadError(errorText(err, locale));
    }
    await upload.run({ body: { nodeId: scope!, fileName: file.name, contentBase64 } });
  };

  const doCommit = () => void commit.run({ params: { id: job!.id } });
  const doRemap = (mapping: ColumnMapping) => void remap.run({ params: { id: job!.id }, body: { mapping } });
  const doDiscard = () => void discard.run({ params: { id: job!.id } });

  const downloadErrors = () =>
    downloadFile(urlOf(importsApi.errors, { params: { id: job!.id } }), 'errors.xlsx').catch(
      (err) => void message.error(`${t(M.downloadFailed)}：${errorText(err, locale)}`),
    );

  return (
    <Card>
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 24 }}
        items={[
          { title: t(M.stepScope) },
          { title: t(M.stepUpload) },
          { title: t(M.stepPreview) },
          { title: t(M.stepDone) },
        ]}
      />
      {step === 0 && (
        <Form layout="vertical" onFinish={() => setStep(1)} style={{ maxWidth: 520 }}>
          <Form.Item label={t(M.scopeLabel)} extra={t(M.scopeHelp)} required>
            <NodeTreeSelect
              value={scope}
              onChange={setScope}
              selectable={importable}
              aria-label={t(M.scopeLabel)}
              placeholder={t(M.chooseScope)}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" disabled={!scope}>
            {t(M.next)}
          </Button>
        </Form>
      )}
      {step === 1 && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            disabled={upload.busy}
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text" style={{ fontSize: 18 }}>
              {upload.busy ? t(M.checking) : t(M.uploadTitle)}
            </p>
            <p className="ant-upload-hint">{t(M.uploadHint)}</p>
          </Upload.Dragger>
          {uploadError && <Alert type="error" showIcon message={uploadError} />}
          <Button onClick={() => setStep(0)} disabled={upload.busy}>
            {t(M.back)}
          </Button>
        </Space>
      )}
      {step === 2 && job && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <ImportMapping key={`${job.id}:${version}`} job={job} busy={remap.busy} onApply={(m) => void doRemap(m)} />
          <Preview
            job={job}
            busy={commit.busy || discard.busy || remap.busy}
            onCommit={doCommit}
            onDiscard={doDiscard}
            onDownloadErrors={downloadErrors}
          />
        </Space>
      )}
      {step === 3 && job?.result && (
        <Result
          status="success"
          title={t(M.doneTitle)}
          subTitle={
            <>
              {t(M.doneBody, job.result)}
              {job.counts.bad > 0 && <> {t(M.doneBad, { n: job.counts.bad })}</>}
            </>
          }
          extra={[
            job.counts.bad > 0 && (
              <Button key="errors" onClick={downloadErrors}>
                {t(M.downloadErrors)}
              </Button>
            ),
            <Button key="again" type="primary" onClick={restart}>
              {t(M.again)}
            </Button>,
          ]}
        />
      )}
    </Card>
  );
}

function Preview({
  job,
  busy,
  onCommit,
  onDiscard,
  onDownloadErrors,
}: {
  job: ImportJob;
  busy: boolean;
  onCommit: () => void;
  onDiscard: () => void;
  onDownloadErrors: () => void;
}) {
  const { t } = useI18n();
  const c = job.counts;
  const toWrite = c.new + c.update;
  const stats: [string, number, string?][] = [
    [t(M.total), c.total],
    [t(M.good), c.good, '#2f7d4f'],
    [t(M.bad), c.bad, c.bad ? '#c0392b' : undefined],
    [t(M.newRows), c.new],
    [t(M.updateRows), c.update],
    [t(M.unchangedRows), c.unchanged],
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t(M.fileLine, { file: job.fileName, scope: job.nodeName })}</Typography.Text>
      <Row gutter={[12, 12]} data-testid="import-counts">
        {stats.map(([title, value, color]) => (
          <Col key={title} xs={8} sm={4}>
            <Statistic
              title={title}
              value={value}
              suffix={t(M.rowsUnit)}
              styles={{ content: { color, fontSize: 24 } }}
            />
          </Col>
        ))}
      </Row>
      {c.bad === 0 ? (
        <Alert type="success" showIcon message={t(M.allGood)} />
      ) : (
        <Alert type="warning" showIcon message={t(M.someBad, { n: c.bad })} />
      )}
      {job.unreadSheets.length > 0 && (
        <Alert type="info" showIcon message={t(M.unreadSheets, { names: job.unreadSheets.join('、') })} />
      )}
      {job.issues.length > 0 && (
        <>
          {job.issuesTotal > job.issues.length && (
            <Typography.Text type="secondary">
              {t(M.issuesShown, { shown: job.issues.length, total: job.issuesTotal })}
            </Typography.Text>
          )}
          <IssueTable issues={job.issues} sheets={job.sheets.length > 1} />
        </>
      )}
      {job.skipped.length > 0 && (
        <Collapse
          size="small"
          data-testid="import-skipped"
          items={[
            {
              key: 'skipped',
              label: t(M.skippedTitle, { n: c.skipped }),
              children: (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {job.skipped.map((x) => (
                    <li key={`${x.sheet}|${x.row}`}>
                      {job.sheets.length > 1 ? `${x.sheet} ` : ''}
                      {t(M.skippedRow, { row: x.row, text: x.text })}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
      <Space wrap>
        <Button type="primary" size="large" onClick={onCommit} loading={busy} disabled={toWrite === 0}>
          {toWrite === 0 ? t(M.nothingToImport) : t(M.importGood, { n: c.good })}
        </Button>
        {c.bad > 0 && (
          <Button size="large" onClick={onDownloadErrors}>
            {t(M.downloadErrors)}
          </Button>
        )}
        <Button size="large" danger onClick={onDiscard} disabled={busy}>
          {t(M.cancel)}
        </Button>
      </Space>
    </Space>
  );
}

function IssueTable({ issues, sheets }: { issues: ImportIssue[]; sheets: boolean }) {
  const { t, isZh } = useI18n();
  return (
    <Table<ImportIssue>
      size="small"
      rowKey={(i) => `${i.sheet ?? ''}|${i.row}|${i.column}|${i.message}`}
      dataSource={issues}
      pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      columns={[
        ...(sheets ? [{ title: t(M.colSheet), dataIndex: 'sheet', width: 90 }] : []),
        { title: t(M.colRow), dataIndex: 'row', width: 70 },
        { title: t(M.colColumn), dataIndex: 'column', width: 120 },
        { title: t(M.colMessage), render: (_, i) => (isZh ? i.message : i.messageEn) },
      ]}
    />
  );
}
