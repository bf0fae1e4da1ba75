import { LIMITS } from './limits';

/**
 * Passwords people pick first: worldwide lists plus the ones common in China (phone-pad
 * patterns, 520/1314, pinyin). Compared lower-cased.
 */
const COMMON = new Set(
  `12345678 123456789 1234567890 11111111 00000000 88888888 66666666 99999999 12341234 11223344
  87654321 147258369 123123123 1qaz2wsx qwertyui qwerty123 qwertyuiop asdfghjk zxcvbnm1 password
  password1 password123 passw0rd p@ssw0rd p@ssword admin123 admin1234 administrator abc12345
  abcd1234 a1234567 a12345678 a123456789 aa123456 qq123456 woaini1314 woaini520 5201314520
  1314520520 wangyiming iloveyou iloveyou1 welcome1 letmein1 sunshine princess football baseball
  superman 1q2w3e4r 1q2w3e4r5t q1w2e3r4 zaq12wsx 123qweasd qweasdzxc 147852369 789456123 159357456
  112233445 a11111111 123456abc abc123456 123456aa 123456qq cedu2026 cedu1234 zhangwei wangfang
  123456789a 12345678a 1234qwer qwer1234 asd123456 aaaaaaaa bbbbbbbb 0123456789 9876543210
  20202020 20212021 20242024 20252025 20262026 computer internet shanghai beijing1 china123`
    .split(/\s+/)
    .filter(Boolean),
);

export type PasswordProblem = 'password_short' | 'password_common' | 'password_same_as_username';

/** The rules: at least 8 characters, not a common password, not the username. */
export function checkPassword(password: string, username?: string): PasswordProblem | null {
  if ([...password].length < LIMITS.passwordMin) return 'password_short';
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password) || isRun(lower)) return 'password_common';
  if (username && lower === username.toLowerCase()) return 'password_same_as_username';
  return null;
}

/** 12345678…, abcdefgh…, and their reverses. */
function isRun(s: string): boolean {
  if (s.length < 2) return false;
  const step = s.charCodeAt(1) - s.charCodeAt(0);
  if (Math.abs(step) !== 1) return false;
  for (let i = 2; i < s.length; i++) if (s.charCodeAt(i) - s.charCodeAt(i - 1) !== step) return false;
  return true;
}
