// A generated resident roster as .xlsx, the shape a town keeps: a title row, Chinese
// headers, every person with a valid (fictional) ID number and a phone, households of
// three, and about 1% bad rows of the kinds real files have. Deterministic for a given size.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { idCheckChar } from '../src/shared/id-card';

const SURNAMES =
  '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马苗凤花方俞任袁柳';
const GIVEN = '子文明华建国丽芳秀英志强伟军平刚桂兰玉梅海燕春红云霞德成永福';
export const HEADERS = [
  '姓名',
  '性别',
  '出生日期',
  '身份证号',
  '手机号',
  '村/社区',
  '户主姓名',
  '与户主关系',
  '楼栋/村组',
  '人群类别',
  '文化程度',
  '就业状况',
  '职业',
];

function idFor(i: number): { id: string; birth: string } {
  const year = 1940 + (i % 66);
  const month = 1 + (Math.floor(i / 66) % 12);
  const day = 1 + (Math.floor(i / 792) % 28);
  const birth = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  const first17 = `110105${birth}${String(Math.floor(i / 21_000) % 1000).padStart(3, '0')}`;
  return {
    id: first17 + idCheckChar(first17),
    birth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  };
}

const nameFor = (i: number) =>
  SURNAMES[i % SURNAMES.length] +
  GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length] +
  GIVEN[Math.floor(i / (SURNAMES.length * GIVEN.length)) % GIVEN.length];

/** The rows and how many of them are bad (every 100th row, of five kinds). */
export async function generateRoster(n: number, villages: string[]): Promise<{ file: Buffer; bad: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['云台镇居民花名册（生成的测试数据）']).commit();
  ws.addRow(HEADERS).commit();
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const { id, birth } = idFor(i);
    const head = i - (i % 3);
    const village = villages[Math.floor(head / 3) % villages.length];
    const row: (string | number)[] = [
      nameFor(i),
      Number(id[16]) % 2 ? '男' : '女',
      birth,
      id,
      `13${String(100_000_000 + i).slice(-9)}`,
      village,
      nameFor(head),
      i === head ? '户主' : i % 3 === 1 ? '配偶' : '子女',
      `${1 + (Math.floor(head / 3) % 30)}组`,
      i % 7 === 0 ? '老年人' : '',
      ['小学', '初中', '高中', '大专', '本科'][i % 5],
      ['在业', '退休', '务农'][i % 3],
      ['农民', '个体', '教师', '工人'][i % 4],
    ];
    if (i % 100 === 50) {
      bad++;
      switch ((i / 100) | (0 % 5)) {
        case 0:
          row[3] = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
          break; // check digit
        case 1:
          row[3] = Number(id.slice(0, 17));
          break; // Excel turned it into a number
        case 2:
          row[5] = '不存在村';
          break;
        case 3:
          row[4] = '12345';
          break;
        default:
          row[2] = '1980-13-45';
          break;
      }
    }
    ws.addRow(row).commit();
  }
  ws.commit();
  await wb.commit();
  return { file: Buffer.concat(chunks), bad };
}
