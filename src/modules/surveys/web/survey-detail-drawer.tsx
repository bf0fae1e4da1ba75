import { useState } from 'react';
import { App, Button, List, Space, Tag } from 'antd';
import {
  BarChartOutlined,
  EditOutlined,
  FormOutlined,
  QrcodeOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useApiMutation } from '../../../web/api/hooks';
import { DetailActions, DetailBody, DetailFields, DetailSection } from '../../../web/components/detail-layout';
import { DetailDrawer } from '../../../web/components/query-view';
import { useI18n } from '../../../web/i18n/i18n';
import { QUESTION_TYPE_LABELS, RATE_LABELS, surveysApi, type SurveyDetail } from '../surveys.contract';
import { PaperEntryModal } from './paper-entry-modal';
import { SurveyFormDrawer } from './survey-form-drawer';
import { SurveyKindTag, SurveyStatusTag } from './survey-tags';
import { M } from './surveys.messages';
import { useSurvey } from './surveys.queries';

/** One survey: its fields and questions; edit (a draft), publish, close, results, poster, paper forms. */
export function SurveyDetailDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const q = useSurvey(id);
  return (
    <DetailDrawer query={q} title={(d) => d?.title ?? t(M.detailTitle)} onClose={onClose}>
      {(survey) => <SurveyDetailView survey={survey} />}
    </DetailDrawer>
  );
}

function SurveyDetailView({ survey }: { survey: SurveyDetail }) {
  const { t, label } = useI18n();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [entering, setEntering] = useState(false);
  const publish = useApiMutation(surveysApi.publish, { success: t(M.published) });
  const close = useApiMutation(surveysApi.close, { success: t(M.closed) });
  const p = survey.permissions;
  const params = { params: { id: survey.id } };
  const confirm = (content: string, run: () => void) => modal.confirm({ content, onOk: run });
  return (
    <DetailBody>
      <DetailActions>
        {p.edit && (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t(M.edit)}
          </Button>
        )}
        {p.publish && survey.status === 'draft' && (
          <Button
            icon={<SendOutlined />}
            loading={publish.busy}
            onClick={() => confirm(t(M.publishConfirm), () => void publish.run(params))}
          >
            {t(M.publish)}
          </Button>
        )}
        {survey.status !== 'draft' && (
          <Button icon={<BarChartOutlined />} onClick={() => navigate(`/surveys/${survey.id}/results`)}>
            {t(M.results)}
          </Button>
        )}
        {p.enter && (
          <Button icon={<FormOutlined />} onClick={() => setEntering(true)}>
            {t(M.paper)}
          </Button>
        )}
        {p.enter && (
          <Button icon={<QrcodeOutlined />} onClick={() => window.open(`/print/survey/${survey.id}`, '_blank')}>
            {t(M.poster)}
          </Button>
        )}
        {p.publish && survey.status === 'published' && (
          <Button
            danger
            icon={<StopOutlined />}
            loading={close.busy}
            onClick={() => confirm(t(M.closeConfirm), () => void close.run(params))}
          >
            {t(M.close)}
          </Button>
        )}
      </DetailActions>
      <DetailFields
        items={[
          { key: 'owner', label: t(M.owner), children: survey.ownerName },
          { key: 'kind', label: t(M.kind), children: <SurveyKindTag kind={survey.kind} /> },
          { key: 'status', label: t(M.status), children: <SurveyStatusTag status={survey.status} /> },
          {
            key: 'window',
            label: t(M.window),
            children: t(M.windowText, { from: survey.opensOn, to: survey.closesOn }),
          },
          { key: 'anonymous', label: t(M.anonymous), children: t(survey.anonymous ? M.anonymousYes : M.anonymousNo) },
          { key: 'responses', label: t(M.responses), children: survey.responses },
          { key: 'intro', label: t(M.intro), children: survey.intro ?? '—' },
        ]}
      />
      <DetailSection title={t(M.questions)}>
        <List
          dataSource={survey.questions}
          renderItem={(q, i) => (
            <List.Item>
              <Space orientation="vertical" size={2}>
                <span>
                  {i + 1}. {q.title}
                </span>
                <Space size={4} wrap>
                  <Tag>{label(QUESTION_TYPE_LABELS[q.type])}</Tag>
                  {q.required && <Tag color="red">{t(M.requiredTag)}</Tag>}
                  {q.showIf && <Tag color="blue">{t(M.showIfTag)}</Tag>}
                  {q.feeds && <Tag color="gold">{t(M.feedsTag, { rate: label(RATE_LABELS[q.feeds.rate]) })}</Tag>}
                </Space>
                {q.options.length > 0 && (
                  <span style={{ color: '#595959' }}>{q.options.map((o) => o.label).join(' / ')}</span>
                )}
              </Space>
            </List.Item>
          )}
        />
      </DetailSection>
      {editing && (
        <SurveyFormDrawer
          mode={{ kind: 'edit', survey }}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
      {entering && <PaperEntryModal survey={survey} onClose={() => setEntering(false)} />}
    </DetailBody>
  );
}
