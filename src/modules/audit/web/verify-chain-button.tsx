import { App, Button } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { auditApi } from '../audit.contract';
import { errorText } from '../../../web/api/api-error';
import { useApiMutation } from '../../../web/api/hooks';
import { useI18n, type Msg } from '../../../web/i18n/i18n';

const M = {
  verify: ['校验哈希链', 'Verify hash chain'],
  okTitle: ['审计记录完整', 'The audit trail is intact'],
  okBody: [
    '已逐条校验 {rows} 条记录，哈希链完整，没有被改动或删除的痕迹。',
    'All {rows} entries were checked: the hash chain is whole; nothing was changed or removed.',
  ],
  brokenTitle: ['审计记录可能被改动', 'The audit trail may have been tampered with'],
  brokenBody: [
    '共 {rows} 条记录。从第 {at} 号记录起哈希链断裂：这条或之前的记录可能被改动或删除。请保留现场并联系技术负责人。',
    '{rows} entries. The chain breaks at entry #{at}: it or an earlier entry may have been changed or removed. Keep things as they are and contact technical support.',
  ],
  failed: ['校验失败', 'Verification failed'],
} satisfies Record<string, Msg>;

/** System admins: check the audit trail's hash chain and say the result in plain words. */
export function VerifyChainButton() {
  const { t, locale } = useI18n();
  const { modal } = App.useApp();
  // A read on demand (the whole chain), so it runs like a change: busy while it runs, nothing to refresh.
  const { run, busy } = useApiMutation(auditApi.verify, {
    invalidates: [],
    onSuccess: (r) => {
      if (r.ok) modal.success({ title: t(M.okTitle), content: t(M.okBody, { rows: r.rows }) });
      else modal.error({ title: t(M.brokenTitle), content: t(M.brokenBody, { rows: r.rows, at: r.brokenAt ?? '?' }) });
    },
    onError: (err) => modal.error({ title: t(M.failed), content: errorText(err, locale) }),
  });
  return (
    <Button icon={<SafetyCertificateOutlined />} loading={busy} onClick={() => void run({})}>
      {t(M.verify)}
    </Button>
  );
}
