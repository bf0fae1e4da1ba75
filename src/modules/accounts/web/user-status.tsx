import { Tag } from 'antd';
import type { User } from '../account.contract';
import { useI18n } from '../../../web/i18n/i18n';
import { M } from './users.messages';

/** One tag that says whether the account can be used now. */
export function UserStatusTag({ user }: { user: Pick<User, 'disabled' | 'lockedUntil' | 'mustChangePassword'> }) {
  const { t } = useI18n();
  if (user.disabled) return <Tag color="red">{t(M.stDisabled)}</Tag>;
  if (user.lockedUntil) return <Tag color="orange">{t(M.stLocked)}</Tag>;
  if (user.mustChangePassword) return <Tag color="blue">{t(M.stMustChange)}</Tag>;
  return <Tag color="green">{t(M.stOk)}</Tag>;
}
