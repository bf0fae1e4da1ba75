import { useState } from 'react';
import { App, Button, Card, InputNumber, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useApiMutation } from '../../../web/api/hooks';
import { ErrorState } from '../../../web/components/error-state';
import { NavButton, PageHeader } from '../../../web/components/page-header';
import { PageLoading } from '../../../web/components/page-loading';
import { useI18n } from '../../../web/i18n/i18n';
import { M as APP } from '../../../web/i18n/messages';
import { ThemesEditor, ThemesView, useThemes } from '../../themes/web';
import { COURSE_LIMITS, coursesApi } from '../courses.contract';
import { refusalText } from './course-actions';
import { M } from './courses.messages';
import { useCourseRules } from './courses.queries';

/** 课程主题: the county's theme list (order, names, active, lead departments) and its review lead days. */
export function ThemesPage() {
  const { t } = useI18n();
  const themes = useThemes();
  return (
    <>
      <PageHeader
        title={t(M.themesTitle)}
        extra={<NavButton to="/courses" icon={<ArrowLeftOutlined />} text={t(M.back)} />}
      />
      {themes.isPending ? (
        <PageLoading />
      ) : themes.error ? (
        <ErrorState error={themes.error} onRetry={() => void themes.refetch()} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <LeadDaysCard countyId={themes.data.countyId} />
          {themes.data.canEdit ? <ThemesEditor list={themes.data} /> : <ThemesView list={themes.data} />}
        </Space>
      )}
    </>
  );
}

function LeadDaysCard({ countyId }: { countyId: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const rules = useCourseRules(countyId);
  const [days, setDays] = useState<number | null>(null);
  const value = days ?? rules.data?.reviewLeadDays ?? null;
  const { run, busy } = useApiMutation(coursesApi.setRules, {
    onSuccess: () => {
      setDays(null);
      void message.success(t(M.rulesSaved));
    },
    onError: (err) => void message.error(refusalText(err, locale)),
  });
  const save = () => {
    if (value !== null) void run({ params: { nodeId: countyId }, body: { reviewLeadDays: value } });
  };
  return (
    <Card size="small">
      <Space wrap align="center">
        <Typography.Text strong style={{ fontSize: 16 }}>
          {t(M.reviewLeadDays)}
        </Typography.Text>
        <InputNumber
          aria-label={t(M.reviewLeadDays)}
          min={0}
          max={COURSE_LIMITS.leadDaysMax}
          value={value}
          onChange={setDays}
          disabled={!rules.data?.canEditLeadDays}
          suffix={t(M.reviewLeadDaysUnit)}
          style={{ width: 120 }}
        />
        {rules.data?.canEditLeadDays ? (
          <Button type="primary" loading={busy} disabled={days === null} onClick={save}>
            {t(APP.save)}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t(M.leadDaysReadOnly)}</Typography.Text>
        )}
      </Space>
    </Card>
  );
}
