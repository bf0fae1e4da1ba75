import type { ReactNode } from 'react';
import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useI18n, type Msg } from '../i18n/i18n';
import { M as APP } from '../i18n/messages';

const M = {
  no: ['序号', 'No.'],
  total: ['合计', 'Total'],
} satisfies Record<string, Msg>;

/**
 * The one print layout of every A4 page (学习档案, 志愿服务记录证明, 配档表, 签到表): a sheet
 * that looks like paper on screen, with Print and Back above it, and only the sheet on paper.
 * Inside: `<h1>` is the centred title, tables are ruled, `.num` cells align right, `.print-sign`
 * is the signature block. `css` adds the page's own rules (scoped under `.print-sheet`).
 */
export function PrintPage({
  landscape = false,
  margin = landscape ? '12mm' : '18mm 16mm',
  width = landscape ? 273 : 178,
  fontSize = 15,
  css = '',
  onBack,
  backLabel,
  children,
}: {
  landscape?: boolean;
  /** The paper's margins, also the sheet's padding on screen (default 18mm 16mm, 12mm landscape). */
  margin?: string;
  /** The sheet's width on screen in mm: the paper less its side margins (default 178, 273 landscape). */
  width?: number;
  fontSize?: number;
  css?: string;
  /** Where Back goes (default: close the tab the page was opened in); `false`: no Back. */
  onBack?: (() => void) | false;
  /** Back's text (default 返回/Back). */
  backLabel?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const page = landscape ? 'A4 landscape' : 'A4';
  const style = `
@page { size: ${page}; margin: ${margin}; }
.print-sheet { max-width: ${width}mm; margin: 24px auto; background: #fff; padding: ${margin}; box-shadow: 0 1px 6px rgba(0,0,0,.12); color: #111; font-size: ${fontSize}px; line-height: 1.8; }
.print-sheet h1 { text-align: center; font-size: 26px; letter-spacing: 4px; margin: 0 0 16px; }
.print-sheet table { width: 100%; border-collapse: collapse; margin: 12px 0; font-size: 14px; }
.print-sheet th, .print-sheet td { border: 1px solid #333; padding: 6px 8px; text-align: left; vertical-align: top; }
.print-sheet th { background: #f2f2f2; }
.print-sheet .num { text-align: right; white-space: nowrap; }
.print-sign { margin-top: 32px; text-align: right; line-height: 2.4; }
.print-toolbar { display: flex; gap: 8px; justify-content: center; padding: 16px; flex-wrap: wrap; }
@media (max-width: 640px) { .print-sheet { margin: 0; padding: 12px 8px; box-shadow: none; overflow-x: auto; } .print-sheet table { font-size: 13px; } .print-sheet th, .print-sheet td { padding: 4px; } }
@media print {
  body { background: #fff !important; }
  .print-toolbar { display: none !important; }
  .print-sheet { margin: 0; padding: 0; max-width: none; box-shadow: none; }
  .print-sheet tr { break-inside: avoid; }
}
${css}`;
  return (
    <>
      <style>{style}</style>
      <div className="print-toolbar">
        <Button type="primary" size="large" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t(APP.print)}
        </Button>
        {onBack !== false && (
          <Button size="large" onClick={onBack ?? (() => window.close())}>
            {backLabel ?? t(APP.back)}
          </Button>
        )}
      </div>
      <div className="print-sheet">{children}</div>
    </>
  );
}

/** A record's opening paragraph, its first line indented in Chinese. */
export function PrintIntro({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return <p style={{ textIndent: locale === 'zh-CN' ? '2em' : 0 }}>{children}</p>;
}

/** The signature block at the foot of a record: who issues it, then the date, a line each. */
export function PrintSign({ lines }: { lines: string[] }) {
  return (
    <div className="print-sign">
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </div>
  );
}

/** A column of a PrintTable. */
export type PrintColumn<T> = {
  title: string;
  cell: (item: T) => ReactNode;
  /** Figures, aligned right. */
  num?: boolean;
  nowrap?: boolean;
  /** The column's figure in the total row; the row's label spans the columns before the first total. */
  total?: ReactNode;
};

/**
 * A record's ruled table: a numbered row per item (序号), the empty text when there is none,
 * the total row (合计) last.
 */
export function PrintTable<T>({
  columns,
  items,
  rowKey,
  empty,
}: {
  columns: PrintColumn<T>[];
  items: T[];
  rowKey: (item: T, n: number) => string | number;
  empty: string;
}) {
  const { t } = useI18n();
  const numClass = (c: PrintColumn<T>) => (c.num ? 'num' : undefined);
  const firstTotal = columns.findIndex((c) => c.total !== undefined);
  return (
    <table>
      <thead>
        <tr>
          <th className="num">{t(M.no)}</th>
          {columns.map((c) => (
            <th key={c.title} className={numClass(c)}>
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.length === 0 && (
          <tr>
            <td colSpan={columns.length + 1} style={{ textAlign: 'center' }}>
              {empty}
            </td>
          </tr>
        )}
        {items.map((item, n) => (
          <tr key={rowKey(item, n)}>
            <td className="num">{n + 1}</td>
            {columns.map((c) => (
              <td key={c.title} className={numClass(c)} style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                {c.cell(item)}
              </td>
            ))}
          </tr>
        ))}
        <tr>
          <th colSpan={firstTotal + 1}>{t(M.total)}</th>
          {columns.slice(firstTotal).map((c) =>
            c.total === undefined ? (
              <th key={c.title} />
            ) : (
              <th key={c.title} className="num">
                {c.total}
              </th>
            ),
          )}
        </tr>
      </tbody>
    </table>
  );
}
