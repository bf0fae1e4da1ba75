import { useState } from 'react';
import { App, Button, Space, Tag } from 'antd';
import { EditOutlined, FileDoneOutlined, NotificationOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../../shared/china-time';
import { useApiMutation } from '../../../web/api/hooks';
import { DetailActions, DetailBody, DetailFields } from '../../../web/components/detail-layout';
import { DetailDrawer } from '../../../web/components/query-view';
import { useI18n } from '../../../web/i18n/i18n';
import {
  AWARD_KIND_LABELS,
  NOMINATION_STATUSES,
  NOMINATION_STATUS_LABELS,
  QUOTA_SCOPE_LABELS,
  selectionsApi,
  type SelectionDetail,
} from '../awards.contract';
import { SelectionStatusTag } from './award-tags';
import { M } from './awards.messages';
import { useSelection } from './awards.queries';
import { NominationFormDrawer } from './nomination-form-drawer';
import { SelectionFormDrawer } from './selection-form-drawer';

/** One selection: its rules, the nominations by status, edit, nominate, publish, the printed roll. */
export function SelectionDetailDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const q = useSelection(id);
  return (
    <DetailDrawer query={q} title={(d) => d?.title ?? t(M.selectionsTitle)} onClose={onClose}>
      {(s) => <SelectionView selection={s} />}
    </DetailDrawer>
  );
}

function SelectionView({ selection: s }: { selection: SelectionDetail }) {
  const { t, label } = useI18n();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [nominating, setNominating] = useState(false);
  const publish = useApiMutation(selectionsApi.publish, { success: t(M.published) });
  const p = s.permissions;
  const none = t(M.none);
  const counts = NOMINATION_STATUSES.filter((k) => s.counts[k]);
  return (
    <DetailBody>
      <DetailActions>
        {p.nominate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setNominating(true)}>
            {t(M.newNomination)}
          </Button>
        )}
        <Button icon={<FileDoneOutlined />} onClick={() => navigate(`/awards/nominations?selectionId=${s.id}`)}>
          {t(M.viewNominations)}
        </Button>
        {p.update && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t(M.edit)}
          </Button>
        )}
        {p.publish && (
          <Button
            icon={<NotificationOutlined />}
            loading={publish.busy}
            onClick={() =>
              modal.confirm({
                title: t(M.publish),
                content: t(M.publishConfirm),
                okText: t(M.publish),
                onOk: () => publish.run({ params: { id: s.id } }),
              })
            }
          >
            {t(M.publish)}
          </Button>
        )}
        {s.status === 'published' && (
          <Button icon={<PrinterOutlined />} href={`/print/awards/${s.id}`} target="_blank">
            {t(M.printResults)}
          </Button>
        )}
      </DetailActions>
      <DetailFields
        items={[
          { key: 'status', label: t(M.status), children: <SelectionStatusTag status={s.status} /> },
          { key: 'kind', label: t(M.kind), children: label(AWARD_KIND_LABELS[s.kind]) },
          { key: 'year', label: t(M.year), children: s.year },
          { key: 'owner', label: t(M.owner), children: s.ownerName },
          { key: 'window', label: t(M.window), children: `${s.nominateFrom} ~ ${s.nominateUntil}` },
          {
            key: 'quota',
            label: t(M.quota),
            children: t(M.quotaText, { scope: label(QUOTA_SCOPE_LABELS[s.quotaScope]), n: s.quota }),
          },
          { key: 'minHours', label: t(M.minHours), children: s.minHours ?? none },
          { key: 'minCredits', label: t(M.minCredits), children: s.minCredits ?? none },
          { key: 'exclude', label: t(M.excludeYears), children: s.excludeWinnerYears || none },
          {
            key: 'reward',
            label: t(M.reward),
            children:
              [s.rewardCredits ? t(M.rewardCreditsN, { n: s.rewardCredits }) : null, s.rewardText]
                .filter(Boolean)
                .join('；') || none,
          },
          ...(s.publishedAt
            ? [{ key: 'published', label: t(M.published), children: formatDateTime(s.publishedAt) }]
            : []),
          {
            key: 'counts',
            label: t(M.counts),
            children: counts.length ? (
              <Space size={4} wrap>
                {counts.map((k) => (
                  <Tag key={k}>{t(M.countN, { label: label(NOMINATION_STATUS_LABELS[k]), n: s.counts[k] })}</Tag>
                ))}
              </Space>
            ) : (
              t(M.noCounts)
            ),
          },
        ]}
      />
      {editing && (
        <SelectionFormDrawer
          mode={{ kind: 'edit', selection: s }}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
      {nominating && (
        <NominationFormDrawer
          mode={{ kind: 'create', selection: s }}
          onClose={() => setNominating(false)}
          onSaved={(nid) => navigate(`/awards/nominations?selectionId=${s.id}&open=${nid}`)}
        />
      )}
    </DetailBody>
  );
}
