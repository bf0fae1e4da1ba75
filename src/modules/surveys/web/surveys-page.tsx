import { useState } from 'react';
import { Button, Dropdown, Form } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownOutlined, SettingOutlined } from '@ant-design/icons';
import { NewButton, PageHeader } from '../../../web/components/page-header';
import { oneOf } from '../../../web/components/use-url-query';
import { useListPage } from '../../../web/components/list-page';
import { FilterCard, FilterSearch, FilterSelect } from '../../../web/components/filter-card';
import { PageTable } from '../../../web/components/page-table';
import { openColumn } from '../../../web/components/table-columns';
import { FormModal } from '../../../web/components/form-modal';
import { NumberField } from '../../../web/components/field-number';
import { useFormMutation } from '../../../web/api/hooks';
import { useAuth } from '../../../web/auth/auth-context';
import { useI18n } from '../../../web/i18n/i18n';
import {
  SURVEY_KINDS,
  SURVEY_KIND_LABELS,
  SURVEY_STATUSES,
  SURVEY_STATUS_LABELS,
  surveysApi,
  type Survey,
} from '../surveys.contract';
import { SURVEY_PUBLISH_ROLES, SURVEY_RULE_ROLES } from '../surveys.policy';
import { NEEDS_SURVEY_TEMPLATE, RATE_SURVEY_TEMPLATE } from '../survey-template';
import { SurveyDetailDrawer } from './survey-detail-drawer';
import { SurveyFormDrawer, type SurveyStart } from './survey-form-drawer';
import { SurveyKindTag, SurveyStatusTag } from './survey-tags';
import { M } from './surveys.messages';
import { useOwners, useSurveyList, useSurveyRules } from './surveys.queries';

const KEYS = ['q', 'status', 'kind', 'open'] as const;

/** 问卷调查: the surveys in reach, filters in the URL, a drawer per survey, one form (blank or from a template). */
export function SurveysPage() {
  const { t, label } = useI18n();
  const { hasRole } = useAuth();
  const page = useListPage(KEYS);
  const { url, f } = page;
  const status = oneOf(SURVEY_STATUSES, f.status);
  const kind = oneOf(SURVEY_KINDS, f.kind);
  const list = useSurveyList({ q: f.q, status, kind, page: url.page, pageSize: url.pageSize });
  const canPublish = hasRole(SURVEY_PUBLISH_ROLES);
  const owners = useOwners();
  const county = hasRole(SURVEY_RULE_ROLES) ? owners.data?.find((o) => o.level === 'county') : undefined;
  const [start, setStart] = useState<SurveyStart>('blank');
  const [rulesOpen, setRulesOpen] = useState(false);
  const begin = (s: SurveyStart) => {
    setStart(s);
    page.create();
  };

  const columns: ColumnsType<Survey> = [
    openColumn<Survey>(t(M.surveyTitle), 'title', page.openRow),
    { title: t(M.kind), dataIndex: 'kind', render: (v: Survey['kind']) => <SurveyKindTag kind={v} /> },
    { title: t(M.status), dataIndex: 'status', render: (v: Survey['status']) => <SurveyStatusTag status={v} /> },
    { title: t(M.owner), dataIndex: 'ownerName' },
    {
      title: t(M.window),
      key: 'window',
      render: (_: unknown, r) => t(M.windowText, { from: r.opensOn, to: r.closesOn }),
    },
    { title: t(M.anonymous), dataIndex: 'anonymous', render: (v: boolean) => t(v ? M.anonymousYes : M.anonymousNo) },
    { title: t(M.responses), dataIndex: 'responses', align: 'right' },
  ];
  return (
    <>
      <PageHeader
        title={t(M.title)}
        help={t(M.help)}
        extra={
          <>
            {county && (
              <Button icon={<SettingOutlined />} onClick={() => setRulesOpen(true)}>
                {t(M.rules)}
              </Button>
            )}
            {canPublish && (
              <Dropdown
                menu={{
                  items: [
                    { key: 'rates', label: t(M.newRates), onClick: () => begin('rates') },
                    { key: 'needs', label: t(M.newNeeds), onClick: () => begin('needs') },
                  ],
                }}
              >
                <Button>
                  {t(M.newRates)} <DownOutlined />
                </Button>
              </Dropdown>
            )}
            {canPublish && <NewButton onClick={() => begin('blank')}>{t(M.newBlank)}</NewButton>}
          </>
        }
      />
      <FilterCard onReset={url.reset}>
        <FilterSearch url={url} span={{ xs: 24, sm: 12, lg: 8 }} placeholder={t(M.searchPlaceholder)} />
        <FilterSelect
          span={{ xs: 12, sm: 6, lg: 4 }}
          value={status}
          placeholder={t(M.anyStatus)}
          label={t(M.status)}
          onChange={(v) => url.set({ status: v })}
          options={SURVEY_STATUSES.map((s) => ({ value: s, label: label(SURVEY_STATUS_LABELS[s]) }))}
        />
        <FilterSelect
          span={{ xs: 12, sm: 6, lg: 5 }}
          value={kind}
          placeholder={t(M.anyKind)}
          label={t(M.kind)}
          onChange={(v) => url.set({ kind: v })}
          options={SURVEY_KINDS.map((k) => ({ value: k, label: label(SURVEY_KIND_LABELS[k]) }))}
        />
      </FilterCard>
      <PageTable<Survey> list={list} url={url} total={M.totalSurveys} onOpen={page.openRow} columns={columns} />
      {f.open && <SurveyDetailDrawer id={f.open} onClose={page.close} />}
      {page.creating && (
        <SurveyFormDrawer
          mode={{
            kind: 'create',
            template: start === 'rates' ? RATE_SURVEY_TEMPLATE : start === 'needs' ? NEEDS_SURVEY_TEMPLATE : null,
          }}
          onClose={page.cancelCreate}
          onSaved={page.created}
        />
      )}
      {rulesOpen && county && <RulesModal countyId={county.id} onClose={() => setRulesOpen(false)} />}
    </>
  );
}

/** The county's minimum sample before a rate counts. */
function RulesModal({ countyId, onClose }: { countyId: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ minSample: number }>();
  const rules = useSurveyRules(countyId);
  const save = useFormMutation(form, surveysApi.setRules, { onSuccess: onClose });
  if (!rules.data) return null;
  return (
    <FormModal
      title={t(M.rulesTitle)}
      intro={t(M.rulesHelp)}
      onClose={onClose}
      {...save.formProps((v: { minSample: number }) => void save.submit({ params: { countyId }, body: v }))}
      initialValues={{ minSample: rules.data.minSample }}
    >
      <NumberField name="minSample" label={t(M.rules)} min={1} max={100000} required />
    </FormModal>
  );
}
