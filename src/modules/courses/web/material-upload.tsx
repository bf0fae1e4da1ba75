import { useRef, useState } from 'react';
import { App, Button, List, Typography } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { ACCEPT_ATTR, type StoredFile } from '../../files/files.contract';
import { toApiError } from '../../../web/api/api-error';
import { useAuth } from '../../../web/auth/auth-context';
import { useI18n } from '../../../web/i18n/i18n';
import { M } from './courses.messages';

export type Material = Pick<StoredFile, 'id' | 'originalName' | 'size'>;

type Props = {
  value?: string[];
  onChange?: (ids: string[]) => void;
  nodeId?: string;
  initial: Material[];
  max: number;
};

const sizeText = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

/** Course materials: upload through POST /api/files (the type is checked by content there), list, remove. */
export function MaterialUpload({ value = [], onChange, nodeId, initial, max }: Props) {
  const { t, locale } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [known, setKnown] = useState<Material[]>(initial);
  const [busy, setBusy] = useState(false);
  const files = value.map((id) => known.find((f) => f.id === id) ?? { id, originalName: id, size: 0 });

  const upload = async (file: File) => {
    if (!nodeId) return;
    setBusy(true);
    try {
      const body = new FormData();
      body.append('file', file);
      const res = await fetch(`/api/files?nodeId=${nodeId}&purpose=course_material&accept=document`, {
        method: 'POST',
        body,
        credentials: 'same-origin',
        headers: { 'x-csrf-token': me?.csrfToken ?? '', accept: 'application/json' },
      });
      const data: unknown = await res.json().catch(() => null);
      if (!res.ok) {
        const err = toApiError(res.status, data);
        const issue = err.issues[0];
        throw new Error(issue ? (locale === 'zh-CN' ? issue.message : issue.messageEn) : err.text(locale));
      }
      const stored = data as StoredFile;
      setKnown((k) => [...k, stored]);
      onChange?.([...value, stored.id]);
      void message.success(t(M.uploaded, { name: stored.originalName }));
    } catch (err) {
      void message.error({ content: (err as Error).message, duration: 8 });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
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
