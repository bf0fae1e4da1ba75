import { Button, Input, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { urlOf } from '../../../web/api/client';
import { DetailSection } from '../../../web/components/detail-layout';
import { useI18n } from '../../../web/i18n/i18n';
import {
  figureLines,
  reportsApi,
  type Figures,
  type ReportRate,
  type ReportStatus,
  type ReportTiming,
} from '../reports.contract';
import { M } from './reports.messages';

const STATUS_COLOR: Record<ReportStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  accepted: 'green',
};
const TIMING_COLOR: Record<ReportTiming, string> = {
  on_time: 'green',
  late: 'orange',
  missing: 'red',
  pending: 'default',
  not_required: 'default',
};

export function StatusTag({ status }: { status: ReportStatus | null }) {
  const { t } = useI18n();
  return <Tag color={status ? STATUS_COLOR[status] : 'default'}>{t(status ? M[status] : M.notStarted)}</Tag>;
}

export function TimingTag({ timing }: { timing: ReportTiming }) {
  const { t } = useI18n();
  // 无需报送 in grey without a border: a month before the start, not a report anybody owes.
  return (
    <Tag color={TIMING_COLOR[timing]} bordered={timing !== 'not_required'}>
      {t(M[timing])}
    </Tag>
  );
}

export function RateLine({ rate }: { rate: ReportRate }) {
  const { t } = useI18n();
  return (
    <span data-testid="report-rate">
      {t(M.rateLine, rate)}
      {rate.not_required > 0 && t(M.rateNotRequired, rate)}
    </span>
  );
}

/** The figures as a two- or three-column table: item, the records now, and as submitted. */
export function FiguresTable({ live, frozen }: { live: Figures; frozen: Figures | null }) {
  const { t, isZh } = useI18n();
  const then = new Map(frozen ? figureLines(frozen).map((l) => [l.key, l.value]) : []);
  const rows = figureLines(live).map((l) => ({ ...l, frozen: then.get(l.key) }));
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      columns={[
        { title: t(M.item), dataIndex: 'label', render: (l: [string, string]) => (isZh ? l[0] : l[1]) },
        { title: t(M.live), dataIndex: 'value', align: 'right' },
        ...(frozen
          ? [
              {
                title: t(M.frozen),
                dataIndex: 'frozen',
                align: 'right' as const,
                render: (v: string | number | undefined, r: { value: string | number }) => (
                  <span style={v !== r.value ? { color: '#d4380d', fontWeight: 600 } : undefined}>{v ?? '—'}</span>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** Excel and Word downloads of a report (`month`) or a summary (`year`). */
export function ExportButtons({ nodeId, month, year }: { nodeId: string; month?: string; year?: number }) {
  const { t } = useI18n();
  const href = (format: 'xlsx' | 'docx') =>
    month
      ? urlOf(reportsApi.exportReport, { params: { nodeId, month }, query: { format } })
      : urlOf(reportsApi.exportSummary, { params: { nodeId, year: year! }, query: { format } });
  return (
    <>
      <Button icon={<FileExcelOutlined />} href={href('xlsx')}>
        {t(M.exportXlsx)}
      </Button>
      <Button icon={<FileWordOutlined />} href={href('docx')}>
        {t(M.exportDocx)}
      </Button>
    </>
  );
}

/** The report's or summary's text: a text box for its writer, the text for everyone else. */
export function ReportText({
  editable,
  label,
  value,
  onChange,
  maxLength,
  placeholder,
}: {
  editable: boolean;
  label: string;
  value: string;
  onChange: (v: string) => void;
  maxLength: number;
  placeholder?: string;
}) {
  return editable ? (
    <Input.TextArea
      aria-label={label}
      rows={9}
      maxLength={maxLength}
      showCount
      value={value}
      placeholder={placeholder}
      onChange={(e) => onChange(e.target.value)}
    />
  ) : (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 16 }}>{value || '—'}</Typography.Paragraph>
  );
}

/**
 * A report's (or an annual summary's) two sections: its figures (live, beside those frozen at
 * submission) and its text, which the writer edits as `draft` while they may write.
 */
export function FiguresAndText({
  doc,
  hint,
  textTitle,
  draft,
  onDraft,
  maxLength,
  placeholder,
}: {
  doc: { live: Figures; frozen: Figures | null; body: string; can: { write: boolean } };
  hint?: string;
  textTitle: string;
  draft: string;
  onDraft: (v: string) => void;
  maxLength: number;
  placeholder?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <DetailSection title={t(M.figures)}>
        {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
        <FiguresTable live={doc.live} frozen={doc.frozen} />
      </DetailSection>
      <DetailSection title={textTitle}>
        <ReportText
          editable={doc.can.write}
          label={textTitle}
          value={doc.can.write ? draft : doc.body}
          onChange={onDraft}
          maxLength={maxLength}
          placeholder={placeholder}
        />
      </DetailSection>
    </>
  );
}
