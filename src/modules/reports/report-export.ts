import ExcelJS from 'exceljs';
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { safeCellText } from '../../shared/text';
import { figureLines, type Figures } from './reports.contract';

// A report or summary as offices file it: a title, a few lines of who and when, one table of
// figures (项目 | 数值), the themes and groups, then the text. The same rows go to Excel and Word.

export type ReportDoc = {
  title: string;
  meta: [string, string][];
  figures: Figures;
  body: string;
};

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The figure rows in Chinese (a theme's value: sessions / person-times). */
const figureRows = (f: Figures): [string, string | number][] =>
  figureLines(f).map((l) => [l.key.startsWith('theme:') ? `${l.label[0]}（场次/人次）` : l.label[0], l.value]);

export async function toXlsx(doc: ReportDoc): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('报表');
  ws.columns = [{ width: 28 }, { width: 48 }];
  ws.addRow([safeCellText(doc.title)]).font = { bold: true, size: 16 };
  ws.mergeCells(1, 1, 1, 2);
  for (const [k, v] of doc.meta) ws.addRow([k, safeCellText(v)]);
  ws.addRow([]);
  ws.addRow(['项目', '数值']).font = { bold: true };
  for (const [k, v] of figureRows(doc.figures)) ws.addRow([k, typeof v === 'number' ? v : safeCellText(v)]);
  ws.addRow([]);
  ws.addRow(['工作情况']).font = { bold: true };
  const text = ws.addRow([safeCellText(doc.body)]);
  ws.mergeCells(text.number, 1, text.number, 2);
  text.alignment = { wrapText: true, vertical: 'top' };
  text.height = Math.min(400, 20 * Math.max(2, doc.body.split('\n').length));
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      cell.border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
    }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const FONT = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: 'SimSun' };
const run = (text: string, bold = false, size = 24) => new TextRun({ text, bold, size, font: FONT });
const WIDTHS = [3200, 5800]; // twips: the two columns fill an A4 text width

function cell(text: string, width: number, bold = false) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [new Paragraph({ children: [run(text, bold)] })],
  });
}

export async function toDocx(doc: ReportDoc): Promise<Buffer> {
  const rows = [['项目', '数值'] as [string, string | number], ...figureRows(doc.figures)];
  const table = new Table({
    layout: TableLayoutType.FIXED,
    columnWidths: WIDTHS,
    width: { size: WIDTHS[0] + WIDTHS[1], type: WidthType.DXA },
    rows: rows.map(
      ([k, v], i) => new TableRow({ children: [cell(k, WIDTHS[0], i === 0), cell(String(v), WIDTHS[1], i === 0)] }),
    ),
  });
  const document = new Document({
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(doc.title, true, 36)] }),
          ...doc.meta.map(([k, v]) => new Paragraph({ children: [run(`${k}：${v}`)] })),
          new Paragraph({ children: [] }),
          table,
          new Paragraph({ children: [] }),
          new Paragraph({ children: [run('工作情况', true, 28)] }),
          ...(doc.body || '（未填写）').split('\n').map((line) => new Paragraph({ children: [run(line)] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
