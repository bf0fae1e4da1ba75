import { useState } from 'react';
import { App, Button, Space, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, EditOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../../shared/china-time';
import { urlOf } from '../../../web/api/client';
import { useApiMutation } from '../../../web/api/hooks';
import { CommentModal } from '../../../web/components/comment-modal';
import { DetailActions, DetailBody, DetailFields } from '../../../web/components/detail-layout';
import { DetailDrawer } from '../../../web/components/query-view';
import { useI18n } from '../../../web/i18n/i18n';
import { filesApi } from '../../files/files.contract';
import {
  EXPENSE_CATEGORY_LABELS,
  EXPENSE_STATUS_LABELS,
  FUNDING_LIMITS,
  fundingApi,
  type ExpenseDetail,
  type ExpenseStatus,
} from '../funding.contract';
import { yuanText } from '../money';
import { ExpenseFormDrawer } from './expense-form-drawer';
import { M } from './funding.messages';
import { useExpense } from './funding.queries';

const STATUS_COLOR: Record<ExpenseStatus, string> = { recorded: 'gold', approved: 'green', rejected: 'red' };

export function ExpenseStatusTag({ status }: { status: ExpenseStatus }) {
  const { label } = useI18n();
  return <Tag color={STATUS_COLOR[status]}>{label(EXPENSE_STATUS_LABELS[status])}</Tag>;
}

/** One expense: its fields, the invoice photo, and 审核通过 / 退回 for those who may review it. */
export function ExpenseDetailDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const q = useExpense(id);
  return (
    <DetailDrawer
      query={q}
      title={(d) => (d ? `${d.payee} · ${yuanText(d.amountFen)} 元` : t(M.detailTitle))}
      onClose={onClose}
    >
      {(e) => <ExpenseView e={e} />}
    </DetailDrawer>
  );
}

function ExpenseView({ e }: { e: ExpenseDetail }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const review = useApiMutation(fundingApi.review, {
    onSuccess: (_, { body }) => {
      void message.success(t(body.decision === 'approved' ? M.approved : M.rejected));
      setRejecting(false);
    },
  });
  const send = (decision: 'approved' | 'rejected', note: string | null) =>
    review.run({ params: { id: e.id }, body: { decision, note } });
  const dash = (v: string | null) => v ?? '—';
  const ownPending = e.status === 'recorded' && !e.permissions.review && e.recordedById !== null;
  return (
    <DetailBody>
      <DetailActions>
        {e.permissions.review && (
          <>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              loading={review.busy}
              onClick={() => void send('approved', null)}
            >
              {t(M.approve)}
            </Button>
            <Button danger icon={<CloseOutlined />} disabled={review.busy} onClick={() => setRejecting(true)}>
              {t(M.reject)}
            </Button>
          </>
        )}
        {e.permissions.update && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t(M.edit)}
          </Button>
        )}
      </DetailActions>
      {ownPending && e.permissions.update && <Typography.Text type="secondary">{t(M.ownRecord)}</Typography.Text>}
      <DetailFields
        items={[
          { key: 'status', label: t(M.status), children: <ExpenseStatusTag status={e.status} /> },
          {
            key: 'amount',
            label: t(M.amount),
            children: <strong style={{ fontSize: 18 }}>{yuanText(e.amountFen)}</strong>,
          },
          { key: 'category', label: t(M.category), children: label(EXPENSE_CATEGORY_LABELS[e.category]) },
          { key: 'payee', label: e.teacherId ? t(M.teacher) : t(M.payee), children: e.payee },
          { key: 'node', label: t(M.node), children: e.nodeName },
          { key: 'date', label: t(M.spentOn), children: e.spentOn },
          { key: 'desc', label: t(M.description), children: e.description },
          { key: 'activity', label: t(M.activity), children: dash(e.activityTitle) },
          {
            key: 'invoice',
            label: t(M.invoice),
            children: e.invoice ? (
              <Space orientation="vertical">
                {e.invoice.thumbnailUrl && (
                  <img src={e.invoice.thumbnailUrl} alt={t(M.invoice)} style={{ maxWidth: '100%', maxHeight: 200 }} />
                )}
                <a href={urlOf(filesApi.download, { params: { id: e.invoice.id } })}>{t(M.seeInvoice)}</a>
              </Space>
            ) : (
              t(M.noInvoice)
            ),
          },
          {
            key: 'recorded',
            label: t(M.recordedBy),
            children: `${dash(e.recordedByName)} · ${formatDateTime(e.recordedAt)}`,
          },
          ...(e.status !== 'recorded'
            ? [
                {
                  key: 'reviewed',
                  label: t(M.reviewedBy),
                  children: `${dash(e.reviewedByName)} · ${formatDateTime(e.reviewedAt)}`,
                },
                { key: 'note', label: t(M.reviewNote), children: dash(e.reviewNote) },
              ]
            : []),
        ]}
      />
      {rejecting && (
        <CommentModal
          title={t(M.rejectTitle)}
          intro={
            <Typography.Paragraph>
              {e.payee} · {yuanText(e.amountFen)} 元 · {e.spentOn}
            </Typography.Paragraph>
          }
          label={t(M.rejectReason)}
          id={`reject-${e.id}`}
          maxLength={FUNDING_LIMITS.review}
          okText={t(M.reject)}
          busy={review.busy}
          onOk={(note) => void send('rejected', note)}
          onClose={() => setRejecting(false)}
        />
      )}
      {editing && (
        <ExpenseFormDrawer
          mode={{ kind: 'edit', expense: e }}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
    </DetailBody>
  );
}
