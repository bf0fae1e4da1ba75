import sanitizeHtml from 'sanitize-html';

/**
 * The rich-text allowlist of course descriptions: structure and emphasis, links to the web.
 * Everything else goes (scripts and styles with their content; event handlers, style and
 * class attributes; javascript:, data: and other schemes). Links always open a new tab
 * without handing over the page (target and rel are set here, whatever came in).
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'a'],
  allowedAttributes: { a: ['href', 'target', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer' }) },
};

/** The description as it may be stored and shown. */
export function sanitizeCourseHtml(html: string): string {
  const clean = sanitizeHtml(html, OPTIONS).trim();
  // An editor's empty paragraphs are no description.
  return /^(<p>(<br \/>|\s|&nbsp;)*<\/p>)*$/.test(clean) ? '' : clean;
}
