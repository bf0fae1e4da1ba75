import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { ZFirstAdmin } from '../src/modules/accounts/account.contract';
import { createSystemAdmin } from '../src/modules/accounts/first-admin.service';
import { AppError } from '../src/shared/app-error';
import { checkPassword } from '../src/shared/password-rules';
import { FIELD_MESSAGES, formatIssue } from '../src/shared/validation';
import { openForCli } from './db-open';

/**
 * npm run admin:create -- <username> [--name 显示名] [--county 县（区）名称]
 * Creates a system admin with a password of the operator's choosing: from CEDU_ADMIN_PASSWORD,
 * or typed twice at a hidden prompt. On an empty database `--county` names the county to create.
 */
const USAGE = 'npm run admin:create -- <username> [--name 显示名 display name] [--county 县（区）名称 county name]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { name: { type: 'string' }, county: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help || positionals.length !== 1) {
  console.error(
    `用法 usage: ${USAGE}\n密码从提示输入，或设置 CEDU_ADMIN_PASSWORD。The password is typed at a prompt, or set CEDU_ADMIN_PASSWORD.`,
  );
  process.exit(values.help ? 0 : 2);
}
const username = positionals[0];

/** Reads a line without echoing it. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const out = rl as unknown as { _writeToOutput?: (s: string) => void; output: NodeJS.WritableStream };
    let asked = false;
    out._writeToOutput = (s: string) => {
      if (!asked) process.stdout.write(s);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    asked = true;
  });
}

async function readPassword(): Promise<string> {
  if (process.env.CEDU_ADMIN_PASSWORD) return process.env.CEDU_ADMIN_PASSWORD;
  if (!process.stdin.isTTY) {
    console.error(
      '没有终端可输入密码：请设置 CEDU_ADMIN_PASSWORD。No terminal to type the password: set CEDU_ADMIN_PASSWORD.',
    );
    process.exit(2);
  }
  const first = await askHidden('密码 password (至少 8 位 at least 8 characters): ');
  const again = await askHidden('再输一次 again: ');
  if (first !== again) {
    console.error('两次输入的密码不一致 The two passwords differ.');
    process.exit(2);
  }
  return first;
}

const password = await readPassword();
const parsed = ZFirstAdmin.omit({ setupCode: true }).safeParse({
  username,
  displayName: values.name ?? '系统管理员',
  password,
  countyName: values.county,
});
if (!parsed.success) {
  for (const i of parsed.error.issues.map(formatIssue)) console.error(`  ${i.path}: ${i.message} — ${i.messageEn}`);
  process.exit(2);
}
const problem = checkPassword(password, username);
if (problem) {
  console.error(`  password: ${FIELD_MESSAGES[problem].zh} — ${FIELD_MESSAGES[problem].en}`);
  process.exit(1);
}
const database = await openForCli();
try {
  const out = await createSystemAdmin(database.db, { ...parsed.data, via: 'command' });
  console.log(
    `已创建系统管理员 “${username}” created system admin “${username}”${out.countyCreated ? ` 和县（区）“${values.county}” and the county “${values.county}”` : ''}. 请用它登录 Sign in with it.`,
  );
} catch (err) {
  if (!(err instanceof AppError)) throw err;
  const issues = err.issues?.map((i) => `  ${i.path}: ${i.message} — ${i.messageEn}`).join('\n');
  console.error(`${err.message_('zh-CN')} — ${err.message_('en-US')}${issues ? `\n${issues}` : ''}`);
  if (err.issues?.some((i) => i.path === 'countyName')) console.error(`  ${USAGE}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
