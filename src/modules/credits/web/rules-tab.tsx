import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Grid, InputNumber, Select, Tag, Typography } from 'antd';
import { useApiMutation } from '../../../web/api/hooks';
import { useAuth } from '../../../web/auth/auth-context';
import { ErrorState } from '../../../web/components/error-state';
import { PageLoading } from '../../../web/components/page-loading';
import { useI18n } from '../../../web/i18n/i18n';
import {
  CREDIT_LIMITS,
  creditsApi,
  GRANT_AT,
  GRANT_AT_LABELS,
  type GrantAt,
  type Rule,
  type RulesUpdate,
} from '../credits.contract';
import { M } from './credits.messages';
import { CREDITS_TAGS, useRules } from './credits.queries';
import { WholeTable } from '../../../web/components/page-table';

/** The county's rules: per theme credits per hour and when paid, and the volunteer rate. County admins edit. */
export function RulesTab() {
  const { t, label, isZh } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const countyId = me?.scopes[0]?.path.split('/')[1];
  const q = useRules(countyId);
  const [rows, setRows] = useState<Rule[]>([]);
  const [volunteer, setVolunteer] = useState(1);
  const saving = useApiMutation(creditsApi.setRules, {
    invalidates: CREDITS_TAGS,
    onSuccess: () => void message.success(t(M.rulesSaved)),
  });
  const busy = saving.busy;
  const phone = Grid.useBreakpoint().sm === false;
  useEffect(() => {
    if (!q.data) return;
    setRows(q.data.rules);
    setVolunteer(q.data.volunteer.creditsPerHour);
  }, [q.data]);
  if (q.isPending) return <PageLoading />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const edit = q.data.canEdit;
  const patch = (theme: string, p: Partial<Rule>) =>
    setRows((rs) => rs.map((r) => (r.theme === theme ? { ...r, ...p } : r)));
  const grantSelect = (r: Rule) => (
    <Select<GrantAt>
      aria-label={t(M.grantAt)}
      disabled={!edit}
      value={r.grantAt}
      onChange={(v) => patch(r.theme, { grantAt: v })}
      style={{ minWidth: 160 }}
      options={GRANT_AT.map((g) => ({ value: g, label: label(GRANT_AT_LABELS[g]) }))}
    />
  );
  const save = () => {
    const body: RulesUpdate = {
      rules: rows.map((r) => ({ theme: r.theme, creditsPerHour: r.creditsPerHour, grantAt: r.grantAt })),
      volunteerPerHour: volunteer,
    };
    return saving.run({ params: { countyId: countyId ?? '' }, body });
  };
  return (
    <Card title={t(M.rulesTitle, { county: q.data.countyName })}>
      <Alert type="info" showIcon title={t(M.rulesHelp)} style={{ marginBottom: 16 }} />
      {!edit && <Alert type="warning" title={t(M.readOnly)} style={{ marginBottom: 16 }} />}
      <WholeTable<Rule>
        rowKey="theme"
        rows={rows}
        columns={[
          {
            title: t(M.theme),
            key: 'theme',
            render: (_: unknown, r) => (
              <>
                {isZh ? r.nameZh : r.nameEn}
                {r.isDefault && <Tag style={{ marginLeft: 8 }}>{t(M.isDefault)}</Tag>}
                {phone && <div style={{ marginTop: 6 }}>{grantSelect(r)}</div>}
              </>
            ),
          },
          {
            title: t(M.perHour),
            key: 'rate',
            render: (_: unknown, r) => (
              <InputNumber
                aria-label={`${t(M.perHour)} ${isZh ? r.nameZh : r.nameEn}`}
                disabled={!edit}
                min={0}
                max={CREDIT_LIMITS.rateMax}
                step={0.5}
                precision={1}
                value={r.creditsPerHour}
                onChange={(v) => patch(r.theme, { creditsPerHour: v ?? 0 })}
                style={{ width: phone ? 80 : 110 }}
              />
            ),
          },
          ...(phone ? [] : [{ title: t(M.grantAt), key: 'grant', render: (_: unknown, r: Rule) => grantSelect(r) }]),
        ]}
      />
      <div style={{ marginTop: 20, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12 }}>
        <Typography.Text strong>{t(M.volunteerRate)}</Typography.Text>
        <InputNumber
          aria-label={t(M.volunteerRate)}
          disabled={!edit}
          min={0}
          max={CREDIT_LIMITS.rateMax}
          step={0.5}
          precision={1}
          value={volunteer}
          onChange={(v) => setVolunteer(v ?? 0)}
          style={{ width: 110 }}
        />
        <Typography.Text type="secondary">{t(M.volunteerHelp)}</Typography.Text>
      </div>
      {edit && (
        <Button type="primary" size="large" loading={busy} onClick={() => void save()} style={{ marginTop: 20 }}>
          {t(M.saveRules)}
        </Button>
      )}
    </Card>
  );
}
