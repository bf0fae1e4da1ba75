import { Col, DatePicker, Form, Radio, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { chinaToday } from '../../../shared/china-time';
import { useSaveMutation } from '../../../web/api/hooks';
import { TextField } from '../../../web/components/field-text';
import { FormDrawer, type FormDrawerProps } from '../../../web/components/form-drawer';
import { blankToNull, rules } from '../../../web/components/rules';
import { useI18n } from '../../../web/i18n/i18n';
import {
  SURVEY_KINDS,
  SURVEY_KIND_LABELS,
  SURVEY_LIMITS,
  surveysApi,
  type QuestionInput,
  type SurveyDetail,
  type SurveyKind,
} from '../surveys.contract';
import { fromEdited, QuestionEditor, toEdited, type EditedQuestion } from './question-editor';
import { M } from './surveys.messages';
import { useOwners } from './surveys.queries';

export type SurveyStart = 'blank' | 'rates' | 'needs';
type Template = { title: string; intro: string; kind: SurveyKind; anonymous: boolean; questions: QuestionInput[] };
export type SurveyFormMode = { kind: 'create'; template: Template | null } | { kind: 'edit'; survey: SurveyDetail };

type Values = {
  ownerNodeId: string;
  title: string;
  intro?: string | null;
  kind: SurveyKind;
  anonymous: boolean;
  window: [Dayjs, Dayjs];
  questions: EditedQuestion[];
};

/** One form for a new survey (blank or from a template) and for editing a draft, with its question editor. */
export function SurveyFormDrawer({ mode, onClose, onSaved }: FormDrawerProps<SurveyFormMode>) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<Values>();
  const owners = useOwners();
  const save = useSaveMutation(form, surveysApi, {
    created: ({ body }) => t(M.created, { name: body.title }),
    onSaved: (out) => onSaved(editing?.id ?? (out as { id: string }).id),
  });
  const editing = mode.kind === 'edit' ? mode.survey : null;
  const kind = Form.useWatch('kind', form);

  const submit = (v: Values) => {
    const body = {
      title: v.title,
      intro: blankToNull(v.intro) as string | null,
      kind: v.kind,
      anonymous: !!v.anonymous,
      opensOn: v.window[0].format('YYYY-MM-DD'),
      closesOn: v.window[1].format('YYYY-MM-DD'),
      questions: (v.questions ?? []).map(fromEdited),
    };
    if (editing) void save.update({ params: { id: editing.id }, body });
    else void save.create({ body: { ...body, ownerNodeId: v.ownerNodeId } });
  };

  const today = dayjs(chinaToday());
  const source = editing ?? (mode.kind === 'create' ? mode.template : null);
  const initial: Partial<Values> = {
    ownerNodeId: editing?.ownerNodeId ?? (owners.data?.length === 1 ? owners.data[0].id : undefined),
    title: source?.title ?? '',
    intro: source?.intro ?? null,
    kind: source?.kind ?? 'needs',
    anonymous: source?.anonymous ?? true,
    window: editing ? [dayjs(editing.opensOn), dayjs(editing.closesOn)] : [today, today.add(30, 'day')],
    questions: (source?.questions ?? []).map(toEdited),
  };

  return (
    <FormDrawer
      title={editing ? `${t(M.editTitle)} · ${editing.title}` : t(M.createTitle)}
      width={720}
      onClose={onClose}
      {...save.formProps(submit)}
      initialValues={initial}
    >
      <Form.Item name="ownerNodeId" label={t(M.owner)} extra={t(M.ownerHelp)} rules={[rules.chosen(t)]}>
        <Select
          disabled={!!editing}
          showSearch={{ optionFilterProp: 'label' }}
          loading={owners.isLoading}
          options={(owners.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
      </Form.Item>
      <TextField name="title" label={t(M.surveyTitle)} max={SURVEY_LIMITS.title} required autoFocus />
      <TextField name="intro" label={t(M.intro)} max={SURVEY_LIMITS.intro} rows={3} />
      <Row gutter={12}>
        <Col xs={24} sm={14}>
          <Form.Item name="kind" label={t(M.kind)}>
            <Radio.Group options={SURVEY_KINDS.map((k) => ({ value: k, label: label(SURVEY_KIND_LABELS[k]) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="anonymous" label={t(M.anonymous)} valuePropName="checked" extra={t(M.anonymousHelp)}>
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="window" label={t(M.window)} rules={[rules.chosen(t)]}>
        <DatePicker.RangePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t(M.questions)} required>
        <QuestionEditor form={form} rates={kind === 'rates'} />
      </Form.Item>
    </FormDrawer>
  );
}
