import { useState } from 'react';
import { Checkbox, Form, Input, Radio, Rate, Select, Space } from 'antd';
import { useApi, useFormMutation } from '../../../web/api/hooks';
import { SearchSelect } from '../../../web/components/field-search-select';
import { FormModal } from '../../../web/components/form-modal';
import { rules } from '../../../web/components/rules';
import { useI18n } from '../../../web/i18n/i18n';
import {
  isShown,
  QUESTION_LIMITS,
  surveysApi,
  type Answers,
  type Question,
  type SurveyDetail,
} from '../surveys.contract';
import { M } from './surveys.messages';

type Values = { residentId: string; answers: Answers };

/** Staff enter a resident's paper form: the resident from the roster in reach, then the answers as the form shows them. */
export function PaperEntryModal({ survey, onClose }: { survey: SurveyDetail; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const roster = useApi(
    surveysApi.roster,
    { params: { id: survey.id }, query: { q } },
    { enabled: q.trim().length > 0 },
  );
  const answers = (Form.useWatch('answers', form) ?? {}) as Answers;
  const save = useFormMutation(form, surveysApi.paper, { success: t(M.paperSaved), onSuccess: onClose });
  const submit = (v: Values) =>
    void save.submit({
      params: { id: survey.id },
      body: { residentId: v.residentId, answers: clean(v.answers ?? {}) },
    });
  return (
    <FormModal
      title={`${t(M.paperTitle)} · ${survey.title}`}
      intro={t(M.paperIntro)}
      width={720}
      onClose={onClose}
      {...save.formProps(submit)}
    >
      <Form.Item name="residentId" label={t(M.resident)} rules={[rules.chosen(t)]}>
        <SearchSelect
          initial={null}
          items={roster.data?.items ?? []}
          optionLabel={(r) =>
            `${r.name} · ${r.nodeName}${r.phone ? ` · ${r.phone}` : ''}${r.answered ? t(M.answeredAlready) : ''}`
          }
          onSearch={setQ}
          loading={roster.isFetching}
          placeholder={t(M.searchResident)}
        />
      </Form.Item>
      {survey.questions.map((question, i) =>
        isShown(question, survey.questions, answers) ? <AnswerField key={question.id} q={question} n={i + 1} /> : null,
      )}
    </FormModal>
  );
}

/** Unanswered fields (undefined, blank) are left out; a matrix keeps its answered rows. */
function clean(a: Answers): Answers {
  return Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

/** One question as a form control (the answer's shape is the contract's). */
function AnswerField({ q, n }: { q: Question; n: number }) {
  const { t } = useI18n();
  const name = ['answers', q.id];
  const label = `${n}. ${q.title}`;
  const req = q.required ? [rules.chosen(t)] : undefined;
  const options = q.options.map((o) => ({ value: o.id, label: o.label }));
  switch (q.type) {
    case 'single':
      return (
        <Form.Item name={name} label={label} rules={req}>
          <Radio.Group options={options} />
        </Form.Item>
      );
    case 'multiple':
      return (
        <Form.Item name={name} label={label} rules={req}>
          <Checkbox.Group options={options} />
        </Form.Item>
      );
    case 'rating':
      return (
        <Form.Item name={name} label={label} rules={req}>
          <Rate />
        </Form.Item>
      );
    case 'matrix':
      return (
        <Form.Item label={label} required={q.required}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {q.rows.map((row) => (
              <Form.Item
                key={row.id}
                name={[...name, row.id]}
                label={row.label}
                rules={req}
                style={{ marginBottom: 4 }}
              >
                <Select options={options} allowClear style={{ maxWidth: 240 }} />
              </Form.Item>
            ))}
          </Space>
        </Form.Item>
      );
    default:
      return (
        <Form.Item name={name} label={label} rules={req}>
          {q.type === 'text' ? (
            <Input maxLength={QUESTION_LIMITS.text} />
          ) : (
            <Input.TextArea rows={3} maxLength={QUESTION_LIMITS.longtext} />
          )}
        </Form.Item>
      );
  }
}
