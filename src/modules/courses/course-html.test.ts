import { describe, expect, it } from 'vitest';
import { sanitizeCourseHtml } from './course-html';

describe('course description sanitising', () => {
  it('removes scripts, event handlers and javascript: links', () => {
    const out = sanitizeCourseHtml(
      '<p onclick="x()">讲座<script>alert(1)</script></p><img src=x onerror="alert(2)"><a href="javascript:alert(3)">点我</a><a href="JaVaScRiPt:alert(4)">再点</a>',
    );
    expect(out).not.toMatch(/script|onerror|onclick|javascript|alert|<img/i);
    expect(out).toContain('<p>讲座</p>');
    expect(out).toContain('点我');
  });

  it('keeps the allowed structure and makes links safe', () => {
    const out = sanitizeCourseHtml(
      '<h3>内容</h3><ul><li><strong>防诈骗</strong></li></ul><a href="https://example.org/a" target="_self" style="color:red">资料</a>',
    );
    expect(out).toBe(
      '<h3>内容</h3><ul><li><strong>防诈骗</strong></li></ul><a href="https://example.org/a" target="_blank" rel="noopener noreferrer">资料</a>',
    );
  });

  it('drops styles, iframes, data: links and empty editor paragraphs', () => {
    expect(
      sanitizeCourseHtml('<style>p{}</style><iframe src="https://x"></iframe><a href="data:text/html,x">d</a>'),
    ).toBe('<a target="_blank" rel="noopener noreferrer">d</a>');
    expect(sanitizeCourseHtml('<p><br></p><p> </p>')).toBe('');
  });
});
