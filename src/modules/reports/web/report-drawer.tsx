import { useState } from 'react';
import { Alert, Button, Typography } from 'antd';
import {
  CheckOutlined,
  LockOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { useApiMutation } from '../../../web/api/hooks';
import { CommentModal } from '../../../web/components/comment-modal';
import { DetailActions, DetailBody, DetailFields } from '../../../web/components/detail-layout';
import { DetailDrawer } from '../../../web/components/query-view';
import { useI18n } from '../../../web/i18n/i18n';
import { reportsApi, type Report } from '../reports.contract';
import { ExportButtons, FiguresAndText, StatusTag, TimingTag } from './report-parts';
import { M } from './reports.messages';
import { useReport } from './reports.queries';

/** One monthly report: its figures (now and as submitted), the text, and what the reader may do. */
export function ReportDrawer({ nodeId, month, onClose }: { nodeId: string; month: string; onClose: () => void }) {
  const { t } = useI18n();
  const q = useReport(nodeId, month);
  return (
    <DetailDrawer
      query={q}
      width={720}
      title={(r) => (r ? t(M.reportTitle, { name: r.node.name, month: r.month }) : t(M.menu))}
      onClose={onClose}
    >
      {(r) => <ReportView key={`${r.node.id}${r.month}${r.status}${r.submittedAt}`} report={r} />}
    </DetailDrawer>
  );
}

function ReportView({ report: r }: { report: Report }) {
  const { t } = useI18n();
  const [body, setBody] = useState(r.body);
  const [asking, setAsking] = useState<'return' | 'unlock' | null>(null);
  const params = { nodeId: r.node.id, month: r.month };
  const save = useApiMutation(reportsApi.save, { success: t(M.saved) });
  const submit = useApiMutation(reportsApi.submit, { success: t(M.submittedOk) });
  const review = useApiMutation(reportsApi.review, {
    success: (_, { body: b }) => t(b.decision === 'accept' ? M.acceptedOk : M.returnedOk),
    onSuccess: () => setAsking(null),
  });
  const lock = useApiMutation(reportsApi.lock, {
    success: (_, { body: b }) => t(b.unlock ? M.unlockedOk : M.relockedOk),
    onSuccess: () => setAsking(null),
  });
  const editable = r.can.write && (r.status === null || r.status === 'draft' || r.status === 'returned');
  const resubmit = r.status === 'submitted' || r.status === 'accepted';
  const busy = save.busy || submit.busy || review.busy || lock.busy;
  const lockable = r.status === 'submitted' || r.status === 'accepted';

  return (
    <DetailBody>
      <DetailActions>
        {r.can.write && editable && (
          <Button icon={<SaveOutlined />} disabled={busy} onClick={() => void save.run({ params, body: { body } })}>
            {t(M.save)}
          </Button>
        )}
        {r.can.write && (
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={submit.busy}
            disabled={busy}
            onClick={() => void submit.run({ params, body: { body } })}
          >
            {t(resubmit ? M.resubmit : M.submit)}
          </Button>
        )}
        {r.can.review && r.status === 'submitted' && (
          <>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              disabled={busy}
              onClick={() => void review.run({ params, body: { decision: 'accept', comment: null } })}
            >
              {t(M.accept)}
            </Button>
            <Button danger icon={<RollbackOutlined />} disabled={busy} onClick={() => setAsking('return')}>
              {t(M.returnIt)}
            </Button>
          </>
        )}
        {r.can.review && lockable && !r.unlocked && (
          <Button icon={<UnlockOutlined />} disabled={busy} onClick={() => setAsking('unlock')}>
            {t(M.unlock)}
          </Button>
        )}
        {r.can.review && r.unlocked && (
          <Button
            icon={<LockOutlined />}
            disabled={busy}
            onClick={() => void lock.run({ params, body: { unlock: false, reason: null } })}
          >
            {t(M.relock)}
          </Button>
        )}
        <ExportButtons nodeId={r.node.id} month={r.month} />
      </DetailActions>
      {r.changedSignIns > 0 && (
        <Alert type="warning" showIcon data-testid="changed-since" title={t(M.changed, { n: r.changedSignIns })} />
      )}
      {r.status === 'returned' && r.reviewComment && (
        <Alert type="error" showIcon title={`${t(M.reviewComment)}：${r.reviewComment}`} />
      )}
      <DetailFields
        labelWidth={140}
        items={[
          { key: 'status', label: t(M.status), children: <StatusTag status={r.status} /> },
          { key: 'timing', label: t(M.timing), children: <TimingTag timing={r.timing} /> },
          { key: 'deadline', label: t(M.deadline), children: r.deadline },
          {
            key: 'lock',
            label: t(M.lockDate),
            children: (
              <>
                {r.lockDate}
                {r.locked && <Typography.Text type="danger"> · {t(M.locked)}</Typography.Text>}
                {r.unlocked && (
                  <Typography.Text type="warning"> · {t(M.unlockedBy, { reason: r.unlockReason })}</Typography.Text>
                )}
              </>
            ),
          },
          { key: 'submitted', label: t(M.submittedAt), children: r.submittedAt ?? '—' },
          { key: 'resubmissions', label: t(M.resubmissions), children: r.resubmissions },
          ...(r.reviewComment ? [{ key: 'comment', label: t(M.reviewComment), children: r.reviewComment }] : []),
        ]}
      />
      <FiguresAndText
        doc={r}
        hint={t(M.themeHint)}
        textTitle={t(M.text)}
        draft={body}
        onDraft={setBody}
        maxLength={5000}
        placeholder={t(M.textPlaceholder)}
      />
      {asking && (
        <CommentModal
          title={t(asking === 'return' ? M.returnTitle : M.unlockTitle)}
          label={t(asking === 'return' ? M.returnReason : M.unlockReason)}
          id={`report-${asking}-reason`}
          maxLength={500}
          okText={t(asking === 'return' ? M.returnIt : M.unlock)}
          busy={review.busy || lock.busy}
          onOk={(text) =>
            void (asking === 'return'
              ? review.run({ params, body: { decision: 'return', comment: text } })
              : lock.run({ params, body: { unlock: true, reason: text } }))
          }
          onClose={() => setAsking(null)}
        />
      )}
    </DetailBody>
  );
}
