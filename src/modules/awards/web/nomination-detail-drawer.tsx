import { useState } from 'react';
import { Button, List, Typography } from 'antd';
import {
  AuditOutlined,
  CheckOutlined,
  CloseOutlined,
  EditOutlined,
  PaperClipOutlined,
  PrinterOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { formatDateTime } from '../../../shared/china-time';
import { useApiMutation } from '../../../web/api/hooks';
import { CommentModal } from '../../../web/components/comment-modal';
import { DetailActions, DetailBody, DetailFields, DetailSection } from '../../../web/components/detail-layout';
import { DetailDrawer } from '../../../web/components/query-view';
import { useI18n } from '../../../web/i18n/i18n';
import {
  AWARD_KIND_LABELS,
  AWARD_LIMITS,
  EVIDENCE_ITEMS,
  EVIDENCE_LABELS,
  RUBRIC_ITEMS,
  RUBRIC_LABELS,
  nominationsApi,
  type NominationDetail,
} from '../awards.contract';
import { NominationStatusTag } from './award-tags';
import { M } from './awards.messages';
import { useNomination } from './awards.queries';
import { NominationFormDrawer } from './nomination-form-drawer';
import { ReviewModal } from './review-modal';

/** One nomination: the nominee, the evidence cedu gathered, the account, the review and decision, and what the reader may do. */
export function NominationDetailDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const q = useNomination(id);
  return (
    <DetailDrawer query={q} title={(d) => d?.nomineeName ?? t(M.nominationsTitle)} width={720} onClose={onClose}>
      {(n) => <NominationView nomination={n} />}
    </DetailDrawer>
  );
}

function NominationView({ nomination: n }: { nomination: NominationDetail }) {
  const { t, label } = useI18n();
  const [editing, setEditing] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const submit = useApiMutation(nominationsApi.submit, { success: t(M.submitted) });
  const decide = useApiMutation(nominationsApi.decide, {
    success: (_, { body }) => t(body.outcome === 'approved' ? M.approved : M.rejected),
    onSuccess: () => setRejecting(false),
  });
  const p = n.permissions;
  const evidence = EVIDENCE_ITEMS.filter((k) => n.evidence[k] !== undefined);
  return (
    <DetailBody>
      <DetailActions>
        {p.submit && (
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={submit.busy}
            onClick={() => void submit.run({ params: { id: n.id } })}
          >
            {t(M.submit)}
          </Button>
        )}
        {p.update && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t(M.edit)}
          </Button>
        )}
        {p.review && (
          <Button type="primary" icon={<AuditOutlined />} onClick={() => setReviewing(true)}>
            {t(M.review)}
          </Button>
        )}
        {p.decide && (
          <>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              loading={decide.busy}
              onClick={() => void decide.run({ params: { id: n.id }, body: { outcome: 'approved', comment: null } })}
            >
              {t(M.approve)}
            </Button>
            <Button danger icon={<CloseOutlined />} disabled={decide.busy} onClick={() => setRejecting(true)}>
              {t(M.reject)}
            </Button>
          </>
        )}
        {n.status === 'published' && (
          <Button icon={<PrinterOutlined />} href={`/print/award-certificate/${n.id}`} target="_blank">
            {t(M.printCertificate)}
          </Button>
        )}
      </DetailActions>
      <DetailFields
        items={[
          { key: 'status', label: t(M.status), children: <NominationStatusTag status={n.status} /> },
          {
            key: 'selection',
            label: t(M.selection),
            children: `${n.year} ${label(AWARD_KIND_LABELS[n.kind])} · ${n.selectionTitle}`,
          },
          { key: 'centre', label: t(M.centre), children: n.nodeName },
          ...(n.members.length
            ? [{ key: 'members', label: t(M.members), children: n.members.map((m) => m.name).join('、') }]
            : []),
          { key: 'by', label: t(M.createdBy), children: n.createdByName ?? '—' },
          ...(n.submittedAt
            ? [{ key: 'submitted', label: t(M.submittedAt), children: formatDateTime(n.submittedAt) }]
            : []),
        ]}
      />
      <DetailSection title={t(M.evidence)}>
        {evidence.length ? (
          <DetailFields
            items={evidence.map((k) => ({ key: k, label: label(EVIDENCE_LABELS[k]), children: n.evidence[k] }))}
          />
        ) : (
          <Typography.Text type="secondary">{t(M.evidenceNone)}</Typography.Text>
        )}
      </DetailSection>
      <DetailSection title={t(M.account)}>
        {/* Sanitised on the server with an allowlist (award-html.ts) before it was stored. */}
        <div
          className="course-rich-text"
          style={{ fontSize: 16 }}
          dangerouslySetInnerHTML={{ __html: n.accountHtml || '—' }}
        />
        {n.files.length > 0 && (
          <List
            size="small"
            header={t(M.attachments)}
            dataSource={n.files}
            renderItem={(f) => (
              <List.Item>
                <a href={f.url}>
                  <PaperClipOutlined /> {f.originalName}
                </a>
              </List.Item>
            )}
          />
        )}
      </DetailSection>
      {n.reviewScore !== null && (
        <DetailSection title={t(M.reviewTitle)}>
          <DetailFields
            items={[
              { key: 'score', label: t(M.reviewScore), children: t(M.scoreN, { n: n.reviewScore }) },
              ...RUBRIC_ITEMS.map((k) => ({
                key: k,
                label: label(RUBRIC_LABELS[k]),
                children: n.reviewScores?.[k] ?? '—',
              })),
              { key: 'comment', label: t(M.reviewComment), children: n.reviewComment ?? '—' },
              { key: 'by', label: t(M.reviewedBy), children: n.reviewedByName ?? '—' },
            ]}
          />
        </DetailSection>
      )}
      {n.decidedByName && (
        <DetailSection title={t(M.decision)}>
          <div>
            {t(M.decidedBy)}：{n.decidedByName}
          </div>
          {n.decisionComment && <div>{n.decisionComment}</div>}
        </DetailSection>
      )}
      {editing && (
        <NominationFormDrawer
          mode={{ kind: 'edit', nomination: n }}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
      {reviewing && <ReviewModal nomination={n} onClose={() => setReviewing(false)} />}
      {rejecting && (
        <CommentModal
          title={`${t(M.reject)} · ${n.nomineeName}`}
          label={t(M.rejectReason)}
          id={`reject-${n.id}`}
          maxLength={AWARD_LIMITS.comment}
          okText={t(M.reject)}
          busy={decide.busy}
          onOk={(comment) => void decide.run({ params: { id: n.id }, body: { outcome: 'rejected', comment } })}
          onClose={() => setRejecting(false)}
        />
      )}
    </DetailBody>
  );
}
