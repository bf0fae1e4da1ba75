import { Button, Card, Col, Form, Input, Row, Select, Space, Switch, type FormInstance } from 'antd';
import { ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../../web/i18n/i18n';
import {
  QUESTION_LIMITS,
  QUESTION_TYPES,
  QUESTION_TYPE_LABELS,
  RATES,
  RATE_LABELS,
  RATING_OPTIONS,
  type Choice,
  type QuestionInput,
  type QuestionType,
} from '../surveys.contract';
import { M } from './surveys.messages';

/** A question as the editor holds it: options and rows as lines of text, ids carried by position. */
export type EditedQuestion = {
  id: string;
  type: QuestionType;
  title: string;
  required: boolean;
  optionsText?: string;
  optionIds?: string[];
  rowsText?: string;
  rowIds?: string[];
  showIfQ?: string | null;
  showIfOptions?: string[];
  feedsRate?: (typeof RATES)[number] | null;
  feedsYes?: string[];
};

const CHOICE_TYPES: QuestionType[] = ['single', 'multiple', 'matrix'];

/** The lines as choices: each keeps the id its position had, new lines get a fresh one. */
export function choicesOf(text: string | undefined, ids: string[] | undefined, prefix: string): Choice[] {
  const lines = (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const used = new Set<string>();
  return lines.map((label, i) => {
    let id = ids?.[i];
    for (let n = i + 1; !id || used.has(id); n++) id = `${prefix}${n}`;
    used.add(id);
    return { id, label };
  });
}

export function toEdited(q: QuestionInput): EditedQuestion {
  return {
    id: q.id,
    type: q.type,
    title: q.title,
    required: !!q.required,
    optionsText: (q.options ?? []).map((o) => o.label).join('\n'),
    optionIds: (q.options ?? []).map((o) => o.id),
    rowsText: (q.rows ?? []).map((o) => o.label).join('\n'),
    rowIds: (q.rows ?? []).map((o) => o.id),
    showIfQ: q.showIf?.questionId ?? null,
    showIfOptions: q.showIf?.optionIds ?? [],
    feedsRate: q.feeds?.rate ?? null,
    feedsYes: q.feeds?.yes ?? [],
  };
}

export function fromEdited(q: EditedQuestion): QuestionInput {
  const choice = CHOICE_TYPES.includes(q.type);
  return {
    id: q.id,
    type: q.type,
    title: q.title,
    required: !!q.required,
    options: choice ? choicesOf(q.optionsText, q.optionIds, 'o') : [],
    rows: q.type === 'matrix' ? choicesOf(q.rowsText, q.rowIds, 'r') : [],
    showIf: q.showIfQ && q.showIfOptions?.length ? { questionId: q.showIfQ, optionIds: q.showIfOptions } : null,
    feeds: q.feedsRate && q.feedsYes?.length ? { rate: q.feedsRate, yes: q.feedsYes } : null,
  };
}

/** The answers a question may be given, as select options (a rating's are 1–5). */
function answerChoices(q: EditedQuestion | undefined): { value: string; label: string }[] {
  if (!q) return [];
  if (q.type === 'rating') return RATING_OPTIONS.map((r) => ({ value: r, label: r }));
  return choicesOf(q.optionsText, q.optionIds, 'o').map((c) => ({ value: c.id, label: c.label }));
}

const freshId = (qs: EditedQuestion[]) => {
  for (let n = qs.length + 1; ; n++) if (!qs.some((q) => q.id === `q${n}`)) return `q${n}`;
};

/** The questions of a survey: add, remove, move up; per type its options or rows, show-if and the rate it feeds. */
export function QuestionEditor({ form, rates }: { form: FormInstance; rates: boolean }) {
  const { t, label } = useI18n();
  const all = (Form.useWatch('questions', form) ?? []) as EditedQuestion[];
  return (
    <Form.List name="questions">
      {(fields, { add, remove, move }) => (
        <Space orientation="vertical" style={{ width: '100%' }} size={12}>
          {fields.map((field, i) => {
            const q = all[i];
            const earlier = all.slice(0, i).filter((x) => x && ['single', 'multiple', 'rating'].includes(x.type));
            const on = earlier.find((x) => x.id === q?.showIfQ);
            const canFeed = rates && (q?.type === 'single' || q?.type === 'rating');
            return (
              <Card
                key={field.key}
                size="small"
                title={t(M.questionN, { n: i + 1 })}
                extra={
                  <Space>
                    {i > 0 && (
                      <Button size="small" icon={<ArrowUpOutlined />} onClick={() => move(i, i - 1)}>
                        {t(M.moveUp)}
                      </Button>
                    )}
                    <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(i)}>
                      {t(M.remove)}
                    </Button>
                  </Space>
                }
              >
                <Form.Item name={[field.name, 'id']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'title']}
                  label={t(M.qTitle)}
                  rules={[{ required: true, whitespace: true, max: QUESTION_LIMITS.title }]}
                >
                  <Input maxLength={QUESTION_LIMITS.title} />
                </Form.Item>
                <Row gutter={12}>
                  <Col xs={16}>
                    <Form.Item name={[field.name, 'type']} label={t(M.qType)}>
                      <Select
                        options={QUESTION_TYPES.map((k) => ({ value: k, label: label(QUESTION_TYPE_LABELS[k]) }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={8}>
                    <Form.Item name={[field.name, 'required']} label={t(M.qRequired)} valuePropName="checked">
                      <Switch />
                    </Form.Item>
                  </Col>
                </Row>
                {q && CHOICE_TYPES.includes(q.type) && (
                  <Form.Item name={[field.name, 'optionsText']} label={t(M.qOptions)}>
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
                  </Form.Item>
                )}
                {q?.type === 'matrix' && (
                  <Form.Item name={[field.name, 'rowsText']} label={t(M.qRows)}>
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
                  </Form.Item>
                )}
                {earlier.length > 0 && (
                  <Row gutter={12}>
                    <Col xs={24} sm={12}>
                      <Form.Item name={[field.name, 'showIfQ']} label={t(M.qShowIfQuestion)}>
                        <Select
                          allowClear
                          placeholder={t(M.none)}
                          options={earlier.map((x) => ({ value: x.id, label: x.title || x.id }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={12}>
                      <Form.Item name={[field.name, 'showIfOptions']} label={t(M.qShowIfOptions)}>
                        <Select mode="multiple" disabled={!on} options={answerChoices(on)} />
                      </Form.Item>
                    </Col>
                  </Row>
                )}
                {canFeed && (
                  <Row gutter={12}>
                    <Col xs={24} sm={12}>
                      <Form.Item name={[field.name, 'feedsRate']} label={t(M.qFeeds)}>
                        <Select
                          allowClear
                          placeholder={t(M.none)}
                          options={RATES.map((r) => ({ value: r, label: label(RATE_LABELS[r]) }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={12}>
                      <Form.Item name={[field.name, 'feedsYes']} label={t(M.qFeedsYes)}>
                        <Select mode="multiple" disabled={!q?.feedsRate} options={answerChoices(q)} />
                      </Form.Item>
                    </Col>
                  </Row>
                )}
              </Card>
            );
          })}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() => add({ id: freshId(all), type: 'single', title: '', required: true, optionsText: '' })}
          >
            {t(M.addQuestion)}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
