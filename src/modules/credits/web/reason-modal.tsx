import { Typography } from 'antd';
import { CommentModal } from '../../../web/components/comment-modal';
import { useI18n } from '../../../web/i18n/i18n';
import { CREDIT_LIMITS } from '../credits.contract';
import { M } from './credits.messages';

/** Asks for the reason of a correction (reversal, cancelled redemption), then runs it. */
export function ReasonModal({
  title,
  help,
  okText,
  busy,
  onSubmit,
  onClose,
}: {
  title: string;
  help: string;
  okText: string;
  /** A mutation's `busy` and `run` (useApiMutation: its error is shown, and the modal stays open). */
  busy: boolean;
  onSubmit: (reason: string) => Promise<{ ok: boolean }>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <CommentModal
      title={title}
      intro={<Typography.Paragraph type="secondary">{help}</Typography.Paragraph>}
      label={t(M.reason)}
      id="credit-reason"
      maxLength={CREDIT_LIMITS.reason}
      okText={okText}
      busy={busy}
      onOk={(reason) => void onSubmit(reason).then((r) => r.ok && onClose())}
      onClose={onClose}
    />
  );
}
