import { Fragment, useState } from 'react';
import { App, Button, Card, InputNumber, Space, Typography } from 'antd';
import { useApiMutation } from '../../../web/api/hooks';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { SIGN_IN_WINDOW, signInApi } from '../signin.contract';
import { M } from './signin.messages';
import { useSignInRules } from './signin.queries';

/**
 * 扫码签到时间: the county's sign-in window. County admins change it; everyone else reads it.
 * A section for any page where a county sets its rules (mounted on the sign-in desk).
 */
export function SignInWindowCard({ countyId }: { countyId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const rules = useSignInRules(countyId);
  const [draft, setDraft] = useState<{ before: number | null; after: number | null }>({ before: null, after: null });
  const saving = useApiMutation(signInApi.setRules, {
    onSuccess: () => {
      setDraft({ before: null, after: null });
      void message.success(t(M.windowSaved));
    },
  });
  const busy = saving.busy;
  if (!rules.data) return null;
  const r = rules.data;
  const before = draft.before ?? r.opensBeforeMinutes;
  const after = draft.after ?? r.closesAfterMinutes;
  const changed = before !== r.opensBeforeMinutes || after !== r.closesAfterMinutes;
  const save = () =>
    saving.run({ params: { countyId }, body: { opensBeforeMinutes: before, closesAfterMinutes: after } });
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="signin-window-card">
      <Space wrap align="center" size={[12, 8]}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {t(M.windowTitle)}
        </Typography.Text>
        {r.canEdit ? (
          <>
            {(['before', 'after'] as const).map((side) => (
              <Fragment key={side}>
                <span>{t(side === 'before' ? M.windowBefore : M.windowAfter)}</span>
                <InputNumber
                  aria-label={t(side === 'before' ? M.windowBefore : M.windowAfter)}
                  min={0}
                  max={SIGN_IN_WINDOW.maxMinutes}
                  precision={0}
                  value={side === 'before' ? before : after}
                  onChange={(v) => setDraft((d) => ({ ...d, [side]: v ?? 0 }))}
                  suffix={t(M.windowMinutes)}
                  style={{ width: 120 }}
                />
              </Fragment>
            ))}
            <Button type="primary" loading={busy} disabled={!changed} onClick={() => void save()}>
              {t(APP.save)}
            </Button>
          </>
        ) : (
          <Typography.Text>
            {t(M.windowSummary, { before: r.opensBeforeMinutes, after: r.closesAfterMinutes, county: r.countyName })}
          </Typography.Text>
        )}
      </Space>
      <div>
        <Typography.Text type="secondary">{t(M.windowReadOnly)}</Typography.Text>
      </div>
    </Card>
  );
}
