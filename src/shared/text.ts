/**
 * Text hygiene shared by the schemas, uploads, exports and error messages: what a person
 * types or a file carries may not hide, reorder or break what others later read.
 */

/** Bidi embeddings, overrides, isolates and marks: they reorder what a reader sees (“txt.exe” shown as “exe.txt”). */
const BIDI = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
/** C0 and C1 controls, DEL, line/paragraph separators and interlinear annotations. */
const CONTROLS = '\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ufff9-\\ufffb';
/**
 * Invisible characters that carry no meaning in Chinese or English text (zero-width space,
 * word joiner and invisible operators, byte-order mark). They arrive by copy and paste and
 * are dropped silently. The zero-width joiners (U+200C/U+200D) stay: emoji sequences use them.
 */
const INVISIBLE = /[\u200b\u2060-\u2064\ufeff\u180e]/g;

const FORBIDDEN_LINE = new RegExp(`[${CONTROLS}${BIDI}]`, 'u');
// Multi-line text keeps \t and \n (carriage returns are folded into \n first).
const FORBIDDEN_MULTILINE = new RegExp(
  `[${CONTROLS.replace('\\u0000-\\u001f', '\\u0000-\\u0008\\u000b-\\u001f')}${BIDI}]`,
  'u',
);

/** Drops invisible characters and folds CR/CRLF into LF. */
export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, '').replace(/\r\n?/g, '\n');
}

/** Whether a text holds a control or direction character not allowed in it. */
export function hasForbiddenChars(s: string, multiline = false): boolean {
  return (multiline ? FORBIDDEN_MULTILINE : FORBIDDEN_LINE).test(s);
}

/** Removes every control, direction and invisible character (for names that come with a file, not typed). */
export function removeForbiddenChars(s: string): string {
  return stripInvisible(s).replace(new RegExp(FORBIDDEN_LINE.source, 'gu'), '');
}

/**
 * An uploaded file's original name, safe to store, show and send back: no folders, no
 * control/direction/invisible characters, none of the characters Windows refuses, at most
 * `max` characters (the extension kept).
 */
export function cleanFileName(filename: string, max = 200): string {
  const base = removeForbiddenChars(filename).replace(/\\/g, '/').split('/').pop() ?? '';
  const cleaned = [...base.normalize('NFC')]
    .filter((ch) => !'"<>|:*?'.includes(ch))
    .join('')
    .trim()
    .replace(/^\.+/, '');
  if (cleaned.length <= max) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, max - ext.length) + ext;
}

/**
 * A text cell for a spreadsheet that Excel or WPS will never turn into a formula (on opening,
 * on re-saving as CSV, or when someone edits the cell): a value starting with = + - @, a tab
 * or a carriage return gets a leading single quote, as OWASP advises for CSV injection.
 * Pass only text: numbers and dates stay what they are.
 */
export function safeCellText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) || (value.length > 0 && value.charCodeAt(0) < 0x20) ? `'${value}` : value;
}

const CJK =
  /[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]|[\u{20000}-\u{3134f}]/u;

/**
 * Chinese in an English message, outside quotation marks. Names and labels people typed
 * are quoted (“青溪镇”) and may be Chinese; the words around them must be English.
 */
export function chineseOutsideQuotes(text: string): boolean {
  return CJK.test(text.replace(/“[^”]*”|"[^"]*"|「[^」]*」/g, ''));
}
