import { useState } from 'react';
import { App, Button, Form, Modal, Select, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useApiMutation, useUpload } from '../../../web/api/hooks';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { ACCEPT_ATTR, filesApi, type StoredFile } from '../../files/files.contract';
import { signInApi, type ActivityBrief } from '../signin.contract';
import { M } from './signin.messages';
import { useRosterSearch } from './signin.queries';

/** A paper sheet entered afterwards: the photo of the sheet first (evidence), then the ticked people. */
export function PaperSheetModal({ activity, onClose }: { activity: ActivityBrief; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<StoredFile | null>(null);
  const send = useUpload(filesApi.upload);
  const uploading = send.busy;
  const [people, setPeople] = useState<{ value: string; label: string }[]>([]);
  const [q, setQ] = useState('');
  const hits = useRosterSearch(activity.id, q);

  const upload = async (f: File) => {
    const stored = await send.run(
      { query: { nodeId: activity.centreId, purpose: 'signin_sheet', accept: 'image' } },
      f,
    );
    if (stored) setFile(stored);
  };

  const paper = useApiMutation(signInApi.paper, {
    onSuccess: (r) => {
      void message.success(t(M.paperDone, r));
      onClose();
    },
  });
  const save = () =>
    file &&
    paper.run({
      params: { activityId: activity.id },
      body: { residentIds: people.map((p) => p.value), evidenceFileId: file.id },
    });

  return (
    <Modal
      open
      title={t(M.paperTitle)}
      onCancel={onClose}
      cancelText={t(APP.cancel)}
      okText={t(M.paperSave, { n: people.length })}
      okButtonProps={{ disabled: !file || people.length === 0 }}
      confirmLoading={paper.busy}
      onOk={() => void save()}
    >
      <Form layout="vertical">
        <Form.Item label={t(M.paperPhoto)} required>
          <Upload
            accept={ACCEPT_ATTR.image}
            showUploadList={false}
            beforeUpload={(f) => {
              void upload(f);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading}>
              {t(M.paperUpload)}
            </Button>
          </Upload>
          {file && (
            <Typography.Text type="success" style={{ display: 'block', marginTop: 8 }}>
              {t(M.paperUploaded, { name: file.originalName })}
            </Typography.Text>
          )}
          {file?.thumbnailUrl && (
            <img src={file.thumbnailUrl} alt="" style={{ maxWidth: '100%', maxHeight: 160, marginTop: 8 }} />
          )}
        </Form.Item>
        <Form.Item label={t(M.paperPeople)} required>
          <Select
            mode="multiple"
            labelInValue
            showSearch
            filterOption={false}
            onSearch={setQ}
            value={people}
            onChange={setPeople}
            placeholder={t(M.search)}
            notFoundContent={q ? t(M.noHits) : null}
            loading={hits.isFetching}
            options={(hits.data ?? [])
              .filter((h) => !h.signedIn)
              .map((h) => ({ value: h.id, label: `${h.name} · ${h.nodeName}${h.phone ? ` · ${h.phone}` : ''}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
