import { useRef, useState } from 'react';
import { App, Button, List, Typography } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { ACCEPT_ATTR, filesApi, type FilePurpose, type StoredFile } from '../../files/files.contract';
import { useUpload } from '../../../web/api/hooks';
import { useI18n } from '../../../web/i18n/i18n';
import { M } from './courses.messages';

export type Material = Pick<StoredFile, 'id' | 'originalName' | 'size'>;

type Props = {
  value?: string[];
  onChange?: (ids: string[]) => void;
  nodeId?: string;
  initial: Material[];
  max: number;
  /** What the files are for (who may upload is the owning module's rule); course materials by default. */
  purpose?: FilePurpose;
};

const sizeText = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

/** Course materials: upload through filesApi.upload (the type is checked by content there), list, remove. */
export function MaterialUpload({ value = [], onChange, nodeId, initial, max, purpose = 'course_material' }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [known, setKnown] = useState<Material[]>(initial);
  const send = useUpload(filesApi.upload);
  const busy = send.busy;
  const files = value.map((id) => known.find((f) => f.id === id) ?? { id, originalName: id, size: 0 });

  const upload = async (file: File) => {
    if (!nodeId) return;
    const stored = await send.run({ query: { nodeId, purpose, accept: 'document' } }, file);
    if (input.current) input.current.value = '';
    if (!stored) return;
    setKnown((k) => [...k, stored]);
    onChange?.([...value, stored.id]);
    void message.success(t(M.uploaded, { name: stored.originalName }));
  };

  return (
    <div>
      <input
        ref={input}
        type="file"
        accept={ACCEPT_ATTR.document}
        style={{ display: 'none' }}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void upload(f);
        }}
      />
      <Button
        icon={<UploadOutlined />}
        loading={busy}
        disabled={!nodeId || value.length >= max}
        onClick={() => input.current?.click()}
      >
        {busy ? t(M.uploading) : t(M.upload)}
      </Button>
      {files.length > 0 && (
        <List
          size="small"
          style={{ marginTop: 8 }}
          dataSource={files}
          renderItem={(f) => (
            <List.Item
              actions={[
                <Button
                  key="rm"
                  type="text"
                  danger
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t(M.removeFile)}
                  onClick={() => onChange?.(value.filter((id) => id !== f.id))}
                />,
              ]}
            >
              <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
                <PaperClipOutlined /> {f.originalName}
                {f.size ? ` · ${sizeText(f.size)}` : ''}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
