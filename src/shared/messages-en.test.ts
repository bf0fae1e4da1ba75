import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { AppError, ERRORS } from './app-error';
import { chineseOutsideQuotes } from './text';
import { FIELD_MESSAGES } from './validation';

/**
 * English messages are English. Names people typed may appear quoted (“青溪镇”); the words
 * around them may not be Chinese. The error handler checks every answer under test as well
 * (src/server/errors.ts), so a test provoking a bad message fails with a 500.
 */
describe('English messages', () => {
  it('the error table and the field messages have no Chinese in English', () => {
    const bad = [
      ...Object.entries(ERRORS)
        .filter(([, m]) => chineseOutsideQuotes(m['en-US']))
        .map(([k]) => k),
      ...Object.entries(FIELD_MESSAGES)
        .filter(([, m]) => chineseOutsideQuotes(m.en))
        .map(([k]) => k),
    ];
    expect(bad).toEqual([]);
  });

  it('a conflict says its detail in English (the English text of a code never borrows the Chinese one)', () => {
    const e = new AppError('CONFLICT', { detail: '二维码已过期', detailEn: 'this QR code has expired' });
    expect(e.toBody().error).toMatchObject({
      message: '数据冲突：二维码已过期',
      messageEn: 'Conflict: this QR code has expired',
    });
    for (const [code, m] of Object.entries(ERRORS)) {
      const zh = [...m['zh-CN'].matchAll(/\{(\w+)\}/g)].map((x) => x[1]);
      const en = [...m['en-US'].matchAll(/\{(\w+)\}/g)].map((x) => x[1]);
      // A Chinese text placeholder ({detail}, {field}, {what}) has its own English one.
      for (const k of zh.filter((k) => !en.includes(k))) expect(en, `${code}: {${k}}`).toContain(`${k}En`);
    }
  });

  it('every English text written in the source (…En: / en: / messageEn, fieldError’s third argument) is English', () => {
    const bad: string[] = [];
    for (const file of sourceFiles(path.resolve(__dirname, '..'))) {
      const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const check = (node: ts.Node | undefined, where: ts.Node) => {
        const text = node && literalText(node);
        if (text !== null && text !== undefined && chineseOutsideQuotes(text)) {
          bad.push(
            `${path.relative(process.cwd(), file)}:${src.getLineAndCharacterOfPosition(where.getStart()).line + 1} ${text.slice(0, 80)}`,
          );
        }
      };
      const visit = (node: ts.Node): void => {
        if (ts.isPropertyAssignment(node)) {
          const name = ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : '';
          if (/En$|^en(-US)?$/.test(name)) check(node.initializer, node);
        }
        if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'fieldError')
          check(node.arguments[2], node);
        ts.forEachChild(node, visit);
      };
      visit(src);
    }
    expect(bad).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [full] : [];
  });
}

/** The fixed text of a string or template literal (interpolations left out); null for anything else. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  if (ts.isConditionalExpression(node))
    return [literalText(node.whenTrue), literalText(node.whenFalse)].filter((t) => t !== null).join(' ') || null;
  return null;
}
