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
  type Rate,
  type QuestionInput,
  type QuestionType,
} from '../surveys.contract';
import { M } from './surveys.messages';

/**
 * A question as the editor holds it: options and rows as lines of text (ids carried by position),
 * under the same names as the contract's fields, so the server's issues land beside them.
 */
export type EditedQuestion = {
  id: string;
  type: QuestionType;
  title: string;
  required: boolean;
  options?: string;
  optionIds?: string[];
  rows?: string;
  rowIds?: string[];
  showIf?: { questionId?: string; optionIds?: string[] } | null;
  feeds?: { rate?: Rate; yes?: string[] } | null;
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
    options: (q.options ?? []).map((o) => o.label).join('\n'),
    optionIds: (q.options ?? []).map((o) => o.id),
    rows: (q.rows ?? []).map((o) => o.label).join('\n'),
    rowIds: (q.rows ?? []).map((o) => o.id),
    showIf: q.showIf ?? null,
    feeds: q.feeds ?? null,
  };
}

export function fromEdited(q: EditedQuestion): QuestionInput {
  const choice = CHOICE_TYPES.includes(q.type);
  return {
    id: q.id,
    type: q.type,
    title: q.title,
    required: !!q.required,
    options: choice ? choicesOf(q.options, q.optionIds, 'o') : [],
    rows: q.type === 'matrix' ? choicesOf(q.rows, q.rowIds, 'r') : [],
    showIf:
      q.showIf?.questionId && q.showIf.optionIds?.length
        ? { questionId: q.showIf.questionId, optionIds: q.showIf.optionIds }
        : null,
    feeds: q.feeds?.rate && q.feeds.yes?.length ? { rate: q.feeds.rate, yes: q.feeds.yes } : null,
  };
}

/** The answers a question may be given, as select options (a rating's are 1–5). */
function answerChoices(q: EditedQuestion | undefined): { value: string; label: string }[] {
  if (!q) return [];
  if (q.type === 'rating') return RATING_OPTIONS.map((r) => ({ value: r, label: r }));
  return choicesOf(q.options, q.optionIds, 'o').map((c) => ({ value: c.id, label: c.label }));
}

const freshId = (qs: EditedQuestion[]) => {
  for (let n = qs.length + 1; ; n++) if (!qs.some((q) => q.id === `q${n}`)) return `q${n}`;
};

/** Keeps a value in the form that no control shows (the ids of options, carried by position). */
const Keep = (_: { value?: unknown }) => null;

/** Two selects as one form value: which question or rate, and which of its answers. */
function PairInput<K extends string>({
  value,
  onChange,
  keyName,
  keyOptions,
  answers,
  labels,
}: {
  value?: ({ [P in K]?: string } & Record<string, unknown>) | null;
  onChange?: (v: Record<string, unknown> | null) => void;
  keyName: K;
  keyOptions: { value: string; label: string }[];
  answers: (key: string | undefined) => { value: string; label: string }[];
  labels: [string, string, string];
}) {
  const key = value?.[keyName] as string | undefined;
  const listName = keyName === 'rate' ? 'yes' : 'optionIds';
  const list = (value?.[listName] as string[] | undefined) ?? [];
  return (
    <Row gutter={12}>
      <Col xs={24} sm={12}>
        <Select
          aria-label={labels[0]}
          allowClear
          placeholder={labels[2]}
          value={key}
          options={keyOptions}
          onChange={(k?: string) => onChange?.(k ? { [keyName]: k, [listName]: [] } : null)}
        />
      </Col>
      <Col xs={24} sm={12}>
        <Select
          aria-label={labels[1]}
          mode="multiple"
          disabled={!key}
          value={list}
          options={answers(key)}
          onChange={(v: string[]) => onChange?.({ [keyName]: key, [listName]: v })}
        />
      </Col>
    </Row>
  );
}

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
                <Form.Item name={[field.name, 'optionIds']} hidden>
                  <Keep />
                </Form.Item>
                <Form.Item name={[field.name, 'rowIds']} hidden>
                  <Keep />
                </Form.Item>
                {q && CHOICE_TYPES.includes(q.type) && (
                  <Form.Item name={[field.name, 'options']} label={t(M.qOptions)}>
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
                  </Form.Item>
                )}
                {q?.type === 'matrix' && (
                  <Form.Item name={[field.name, 'rows']} label={t(M.qRows)}>
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
                  </Form.Item>
                )}
                {earlier.length > 0 && (
                  <Form.Item name={[field.name, 'showIf']} label={t(M.qShowIf)}>
                    <PairInput
                      keyName="questionId"
                      keyOptions={earlier.map((x) => ({ value: x.id, label: x.title || x.id }))}
                      answers={(k) => answerChoices(earlier.find((x) => x.id === k))}
                      labels={[t(M.qShowIfQuestion), t(M.qShowIfOptions), t(M.none)]}
                    />
                  </Form.Item>
                )}
                {canFeed && (
                  <Form.Item name={[field.name, 'feeds']} label={t(M.qFeeds)}>
                    <PairInput
                      keyName="rate"
                      keyOptions={RATES.map((r) => ({ value: r, label: label(RATE_LABELS[r]) }))}
                      answers={() => answerChoices(q)}
                      labels={[t(M.qFeeds), t(M.qFeedsYes), t(M.none)]}
                    />
                  </Form.Item>
                )}
              </Card>
            );
          })}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() => add({ id: freshId(all), type: 'single', title: '', required: true, options: '' })}
          >
            {t(M.addQuestion)}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
