import { useState } from 'react';
import { Button, Input, List, Modal, Typography } from 'antd';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import type { RosterHit } from '../signin.contract';
import { M } from './signin.messages';
import { useRosterSearch } from './signin.queries';

/** Find a resident on the roster (name, initials or phone digits) and choose them. */
export function RosterPickModal({
  activityId,
  title,
  initial = '',
  onPick,
  onClose,
}: {
  activityId: string;
  title: string;
  initial?: string;
  onPick: (hit: RosterHit) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState(initial);
  const [busy, setBusy] = useState<string | null>(null);
  const hits = useRosterSearch(activityId, q);
  return (
    <Modal open title={title} onCancel={onClose} footer={<Button onClick={onClose}>{t(APP.close)}</Button>}>
      <Input.Search
        size="large"
        allowClear
        autoFocus
        placeholder={t(M.search)}
        defaultValue={initial}
        onSearch={(v) => setQ(v.trim())}
        aria-label={t(M.search)}
      />
      <List<RosterHit>
        style={{ marginTop: 12 }}
        loading={hits.isFetching}
        dataSource={hits.data ?? []}
        locale={{ emptyText: q ? t(M.noHits) : ' ' }}
        renderItem={(h) => (
          <List.Item
            actions={[
              h.signedIn ? (
                <Typography.Text type="secondary" key="in">
                  {t(M.alreadyIn)}
                </Typography.Text>
              ) : (
                <Button
                  key="pick"
                  type="primary"
                  loading={busy === h.id}
                  disabled={!!busy}
                  onClick={async () => {
                    setBusy(h.id);
                    try {
                      await onPick(h);
                    } finally {
                      setBusy(null);
                    }
                  }}
                >
                  {t(M.pick)}
                </Button>
              ),
            ]}
          >
            <List.Item.Meta title={h.name} description={`${h.nodeName}${h.phone ? ` · ${h.phone}` : ''}`} />
          </List.Item>
        )}
      />
    </Modal>
  );
}
