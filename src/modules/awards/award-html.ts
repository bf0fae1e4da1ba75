import sanitizeHtml from 'sanitize-html';

/**
 * The allowlist of a nomination's written account (事迹材料): structure and emphasis, links to
 * the web, nothing else (no scripts, styles, event handlers or other schemes). Links open a new
 * tab without handing over the page.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'a'],
  allowedAttributes: { a: ['href', 'target', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer' }) },
};

/** The account as it may be stored and shown; empty paragraphs are no account. */
export function sanitizeAccountHtml(html: string | null): string {
  const clean = sanitizeHtml(html ?? '', OPTIONS).trim();
  return /^(<p>(<br \/>|\s|&nbsp;)*<\/p>)*$/.test(clean) ? '' : clean;
}
