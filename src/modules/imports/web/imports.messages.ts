import type { Msg } from '../../../web/i18n/i18n';
import type { RosterField } from '../roster-columns';

/** The roster import/export screen's words. */
export const M = {
  title: ['居民名册导入导出', 'Resident roster: import and export'],
  downloadTemplate: ['下载导入模板', 'Download the template'],
  templateHelp: [
    '模板里有每一列的填写说明和本县的人群类别。身份证号和手机号两列已设为“文本”格式。',
    'The template explains each column and lists the county’s groups. The ID and phone columns are formatted as text.',
  ],
  // steps
  stepScope: ['选择范围', 'Scope'],
  stepUpload: ['上传文件', 'Upload'],
  stepPreview: ['检查结果', 'Check'],
  stepDone: ['完成', 'Done'],
  scopeLabel: ['导入到哪个镇（街道）或村（社区）', 'Import into which town or village'],
  scopeHelp: [
    '表格里每一行的“村/社区”都必须在这个范围内。选择村（社区）时，表格可以不填“村/社区”列。',
    'Every row’s village must lie in this scope. When you choose a village, the file may leave out the village column.',
  ],
  chooseScope: ['请选择导入范围', 'Choose the scope'],
  next: ['下一步', 'Next'],
  back: ['上一步', 'Back'],
  uploadTitle: ['点击或把 Excel 文件拖到这里', 'Click or drop an Excel file here'],
  uploadHint: [
    '只支持 .xlsx，最大 20 MB。表头上方的标题行会自动跳过，列的顺序不限。',
    '.xlsx only, at most 20 MB. Title rows above the header are skipped; any column order.',
  ],
  checking: ['正在检查每一行，请稍候…', 'Checking every row, please wait…'],
  tooBig: ['文件不能超过 20 MB', 'The file may be at most 20 MB'],
  notXlsx: [
    '请选择 .xlsx 文件（.xls 请先在 Excel 中另存为 .xlsx）',
    'Choose an .xlsx file (save an .xls as .xlsx first)',
  ],
  // preview
  fileLine: ['文件：{file}　范围：{scope}', 'File: {file}   Scope: {scope}'],
  total: ['共', 'Rows'],
  good: ['正确', 'Good'],
  bad: ['有错误', 'With errors'],
  newRows: ['新增', 'New'],
  updateRows: ['更新', 'Updated'],
  unchangedRows: ['无变化', 'Unchanged'],
  rowsUnit: ['行', 'rows'],
  allGood: ['全部正确，可以导入。', 'Every row is fine; ready to import.'],
  someBad: [
    '有 {n} 行有错误，这些行不会导入。可以下载错误行，改好后再导入一次。',
    '{n} rows have errors and will not be imported. Download them, fix them and import again.',
  ],
  issuesShown: [
    '只列出前 {shown} 条问题（共 {total} 条），全部问题见“下载错误行”。',
    'Showing the first {shown} of {total} problems; “Download the bad rows” has them all.',
  ],
  colRow: ['行号', 'Row'],
  colColumn: ['列', 'Column'],
  colMessage: ['问题', 'Problem'],
  downloadErrors: ['下载错误行', 'Download the bad rows'],
  importGood: ['导入 {n} 行正确的数据', 'Import the {n} good rows'],
  nothingToImport: ['没有需要导入的新数据或变化', 'Nothing new or changed to import'],
  cancel: ['取消，不导入', 'Cancel, import nothing'],
  cancelled: ['已取消，没有导入任何数据', 'Cancelled; nothing was imported'],
  importing: ['正在导入…', 'Importing…'],
  colSheet: ['工作表', 'Sheet'],
  // column mapping
  mappingTitle: ['列的对应', 'Columns'],
  mappingHelp: [
    '下面是文件中每一列对应的字段。如果对应得不对，或者某一列不需要导入，请修改后点“按所选重新检查”。同样表头的文件下次会按这次的选择读取。',
    'Which field each column of the file went to. If one is wrong, or a column should not be imported, change it and press “Check again”. The next file with the same headers is read the same way.',
  ],
  mappingFileColumn: ['文件中的列', 'Column in the file'],
  mappingField: ['对应字段', 'Field'],
  mappingIgnore: ['不导入此列', 'Do not import'],
  mappingApply: ['按所选重新检查', 'Check again with these columns'],
  mappingApplied: ['已按您选择的列重新检查', 'Checked again with the columns you chose'],
  sourceAuto: ['自动识别', 'Recognised'],
  sourceRemembered: ['按上次的选择', 'As chosen last time'],
  sourceChosen: ['按您的选择', 'As you chose'],
  headerAt: ['表头在第 {row} 行', 'Header on row {row}'],
  sheetRows: ['{n} 行', '{n} rows'],
  skippedTitle: [
    '已跳过 {n} 行合计、签名或说明行（不是居民，不算错误）',
    '{n} totals, signature or note rows skipped (not residents, not errors)',
  ],
  skippedRow: ['第 {row} 行：{text}', 'Row {row}: {text}'],
  unreadSheets: ['这些工作表没有找到表头，未读取：{names}', 'No header found in these sheets; not read: {names}'],
  // done
  doneTitle: ['导入完成', 'Import finished'],
  doneBody: [
    '新增 {created} 人，更新 {updated} 人，{unchanged} 人无变化。',
    '{created} added, {updated} updated, {unchanged} unchanged.',
  ],
  doneBad: ['另有 {n} 行有错误，没有导入。', '{n} rows with errors were not imported.'],
  again: ['再导入一个文件', 'Import another file'],
  // export
  exportTitle: ['导出名册', 'Export the roster'],
  exportScope: ['导出范围', 'Scope'],
  exportScopeAll: ['我能查看的全部', 'Everything I may see'],
  exportTag: ['人群类别', 'Group'],
  exportTagAll: ['全部', 'All'],
  exportButton: ['导出 Excel', 'Export to Excel'],
  exportHelp: [
    '导出的文件与导入模板的列相同，改好后可以再导入。身份证号和手机号按您的权限显示（可能部分隐藏）。每次导出都会记录。',
    'The file has the template’s columns, so it can be imported again. ID and phone numbers are shown as your rights allow (possibly masked). Every export is recorded.',
  ],
  downloading: ['正在生成文件…', 'Preparing the file…'],
  downloadFailed: ['下载失败', 'Download failed'],
} satisfies Record<string, Msg>;

/** The roster fields as the mapping step names them. */
export const FIELD_LABELS = {
  name: ['姓名', 'Name'],
  gender: ['性别', 'Gender'],
  birthDate: ['出生日期/年月', 'Birth date or month'],
  idNumber: ['身份证号', 'ID number'],
  phone: ['手机号', 'Phone'],
  village: ['村/社区', 'Village or community'],
  headName: ['户主姓名', 'Head of household'],
  relation: ['与户主关系', 'Relation to the head'],
  building: ['楼栋/村组', 'Building or village group'],
  tags: ['人群类别', 'Groups'],
  education: ['文化程度', 'Education'],
  employment: ['就业状况', 'Employment'],
  occupation: ['职业', 'Occupation'],
  note: ['备注', 'Note'],
} satisfies Record<RosterField, Msg>;
