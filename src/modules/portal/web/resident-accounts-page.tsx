import { useState } from 'react';
import { Alert, Button, Input, Modal, Typography } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { useApi, useApiMutation } from '../../../web/api/hooks';
import type { EndpointOutput } from '../../../shared/endpoint';
import { PageHeader } from '../../../web/components/page-header';
import { PageTable } from '../../../web/components/page-table';
import { useUrlQuery } from '../../../web/components/use-url-query';
import { formatDateTime } from '../../../shared/china-time';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { peopleApi, type Resident } from '../../people/people.contract';
import { residentAuthApi } from '../resident-auth.contract';
import { M } from './resident-accounts.messages';

// `open`: the resident whose account shows at once (the resident's own page links here).
const KEYS = ['q', 'open'] as const;

type Person = Pick<Resident, 'id' | 'name' | 'phone'>;

/** 居民手机账号: find a resident and give them a one-time code to set their password on their phone (/m). */
export function ResidentAccountsPage() {
  const { t } = useI18n();
  const url = useUrlQuery(KEYS);
  const q = url.values.q ?? '';
  // Every resident in reach before a search (the first page), narrowed by the search.
  const list = useApi(
    peopleApi.list,
    { query: { q: q || undefined, page: url.page, pageSize: url.pageSize } },
    { keepPrevious: true },
  );
  const linked = useApi(peopleApi.one, { params: { id: url.values.open ?? '' } }, { enabled: !!url.values.open });
  const [picked, setOpen] = useState<Person | null>(null);
  const open = picked ?? (url.values.open ? (linked.data ?? null) : null);
  const close = () => {
    setOpen(null);
    if (url.values.open) url.set({ open: null });
  };
  return (
    <>
      <PageHeader title={t(M.activationTitle)}>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t(M.activationHelp)}
        </Typography.Paragraph>
      </PageHeader>
      <Input.Search
        size="large"
        allowClear
        defaultValue={q}
        placeholder={t(M.search)}
        aria-label={t(M.search)}
        onSearch={(v) => url.set({ q: v.trim() || null })}
        style={{ maxWidth: 420, marginBottom: 12 }}
      />
      <PageTable<Resident>
        list={list}
        url={url}
        onOpen={setOpen}
        columns={[
          { title: t(M.name), dataIndex: 'name' },
          { title: t(M.centre), dataIndex: 'nodeName' },
          { title: t(M.phone), dataIndex: 'phone' },
          {
            title: t(M.actions),
            key: 'a',
            render: (_, r) => (
              <Button
                size="small"
                icon={<KeyOutlined />}
                onClick={(e) => {
                  e.stopPropagation();
                  setOpen(r);
                }}
              >
                {t(M.activationOpen)}
              </Button>
            ),
          },
        ]}
      />
      {open && <ActivationModal resident={open} onClose={close} />}
    </>
  );
}

function ActivationModal({ resident, onClose }: { resident: Person; onClose: () => void }) {
  const { t } = useI18n();
  const params = { residentId: resident.id };
  const state = useApi(residentAuthApi.account, { params });
  const [issued, setIssued] = useState<EndpointOutput<typeof residentAuthApi.issueActivation> | null>(null);
  const issue = useApiMutation(residentAuthApi.issueActivation, { onSuccess: setIssued });
  const s = state.data;
  return (
    <Modal
      open
      title={`${resident.name} · ${t(M.activationTitle)}`}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t(APP.close)}</Button>}
    >
      {s && (
        <Typography.Paragraph>
          {s.activated
            ? t(M.accountActive, { at: formatDateTime(s.lastLoginAt) || '—' })
            : s.exists
              ? t(M.accountWaiting, { at: formatDateTime(s.activationExpiresAt) })
              : t(M.accountNone)}
        </Typography.Paragraph>
      )}
      {!resident.phone && <Alert type="warning" showIcon title={t(M.needPhone)} style={{ marginBottom: 12 }} />}
      {issued ? (
        <Alert
          type="success"
          showIcon
          title={t(M.codeIssued)}
          description={
            <>
              <div
                data-testid="activation-code"
                style={{ fontSize: 32, letterSpacing: 6, fontWeight: 700, margin: '8px 0' }}
              >
                {issued.code}
              </div>
              <div>{t(M.codeHow, { until: formatDateTime(issued.expiresAt) })}</div>
            </>
          }
        />
      ) : (
        <Button
          type="primary"
          block
          size="large"
          loading={issue.busy}
          disabled={!resident.phone}
          onClick={() => void issue.run({ params })}
        >
          {t(s?.activated ? M.codeReissue : M.codeIssue)}
        </Button>
      )}
    </Modal>
  );
}
