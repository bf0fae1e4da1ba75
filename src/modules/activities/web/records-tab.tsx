import { useRef } from 'react';
import type { z } from 'zod';
import { App, Button, Card, Descriptions, Empty, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { useApiMutation, useFormMutation, useUpload } from '../../../web/api/hooks';
import { QueryView } from '../../../web/components/query-view';
import { rules } from '../../../web/components/rules';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { ACCEPT_ATTR, filesApi } from '../../files/files.contract';
import {
  ACTIVITY_LIMITS,
  activitiesApi,
  type ActivityDetail,
  type Records,
  type ZRecordsInput,
} from '../activities.contract';
import { M } from './activities.messages';
import { ACTIVITY_CHANGES, useRecords } from './activities.queries';

/** 活动留痕: photos (uploaded through the files module), news article, lecture notes, summary. */
export function RecordsTab({ a }: { a: ActivityDetail }) {
  return (
    <QueryView query={useRecords(a.id)}>
      {(records) => (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Photos a={a} records={records} />
          {a.permissions.update ? <RecordsForm a={a} records={records} /> : <RecordsView records={records} />}
        </Space>
      )}
    </QueryView>
  );
}

function Photos({ a, records }: { a: ActivityDetail; records: Records }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  // Two steps: the file goes to the files module (its upload endpoint), then it is attached here.
  const send = useUpload(filesApi.upload);
  const attach = useApiMutation(activitiesApi.addPhoto, { invalidates: ACTIVITY_CHANGES });
  const removal = useApiMutation(activitiesApi.removePhoto, { invalidates: ACTIVITY_CHANGES });
  const busy = send.busy || attach.busy;
  const upload = async (file: File) => {
    const stored = await send.run({ query: { nodeId: a.centreId, purpose: 'activity_photo', accept: 'image' } }, file);
    if (stored) await attach.run({ params: { id: a.id }, body: { fileId: stored.id } });
    if (input.current) input.current.value = '';
  };
  const remove = (fileId: string) => removal.run({ params: { id: a.id, fileId } });
  return (
    <Card
      size="small"
      title={t(M.photos)}
      extra={
        a.permissions.update && (
          <>
            <input
              ref={input}
              type="file"
              accept={ACCEPT_ATTR.image}
              hidden
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void upload(f);
              }}
            />
            <Button icon={<CameraOutlined />} loading={busy} onClick={() => input.current?.click()}>
              {t(M.uploadPhoto)}
            </Button>
          </>
        )
      }
    >
      {a.permissions.update && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t(M.photoHelp)}
        </Typography.Paragraph>
      )}
      {records.photos.length === 0 ? (
        <Empty description={t(M.noPhotos)} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: 8 }}>
          {records.photos.map((p) => (
            <figure key={p.fileId} style={{ margin: 0 }}>
              <a href={p.url} target="_blank" rel="noreferrer">
                <img
                  src={p.thumbnailUrl ?? p.url}
                  alt={p.caption ?? t(M.photos)}
                  style={{
                    width: '100%',
                    aspectRatio: '4 / 3',
                    objectFit: 'cover',
                    borderRadius: 6,
                    background: '#eef2ef',
                  }}
                />
              </a>
              <figcaption
                style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', fontSize: 13 }}
              >
                <span>{p.caption ?? ''}</span>
                {a.permissions.update && (
                  <Popconfirm title={t(M.photoRemove)} onConfirm={() => remove(p.fileId)}>
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t(M.photoRemove)} />
                  </Popconfirm>
                )}
              </figcaption>
            </figure>
          ))}
        </div>
      )}
    </Card>
  );
}

type RecordsValues = z.input<typeof ZRecordsInput>;

function RecordsForm({ a, records }: { a: ActivityDetail; records: Records }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordsValues>();
  const { submit, busy, alert } = useFormMutation(form, activitiesApi.saveRecords, {
    invalidates: ACTIVITY_CHANGES,
    onSuccess: () => void message.success(t(APP.saved)),
  });
  const save = (v: RecordsValues) =>
    void submit({
      params: { id: a.id },
      body: {
        newsTitle: v.newsTitle?.trim() || null,
        newsBody: v.newsBody ?? '',
        lectureNotes: v.lectureNotes ?? '',
        summary: v.summary ?? '',
      },
    });
  return (
    <Card size="small">
      <Form<RecordsValues> form={form} layout="vertical" onFinish={save} disabled={busy} initialValues={records}>
        {alert}
        <Form.Item name="newsTitle" label={t(M.newsTitle)} rules={[rules.max(t, ACTIVITY_LIMITS.newsTitle)]}>
          <Input maxLength={ACTIVITY_LIMITS.newsTitle} />
        </Form.Item>
        <Form.Item name="newsBody" label={t(M.newsBody)}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} maxLength={ACTIVITY_LIMITS.text} />
        </Form.Item>
        <Form.Item name="lectureNotes" label={t(M.lectureNotes)}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 16 }} maxLength={ACTIVITY_LIMITS.text} />
        </Form.Item>
        <Form.Item name="summary" label={t(M.summary)}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={ACTIVITY_LIMITS.text} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t(APP.save)}
        </Button>
      </Form>
    </Card>
  );
}

function RecordsView({ records }: { records: Records }) {
  const { t } = useI18n();
  const text = (v: string) => <div style={{ whiteSpace: 'pre-wrap' }}>{v || '—'}</div>;
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      items={[
        { key: 'nt', label: t(M.newsTitle), children: records.newsTitle ?? '—' },
        { key: 'nb', label: t(M.newsBody), children: text(records.newsBody) },
        { key: 'ln', label: t(M.lectureNotes), children: text(records.lectureNotes) },
        { key: 'su', label: t(M.summary), children: text(records.summary) },
      ]}
    />
  );
}
