const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const LINK = /https?:\/\/[^\s<>"]+/g;
const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur']);

/**
 * A paragraph with Muster's own links made clickable (and big enough to tap on a phone). A URL
 * anywhere else in the text (an admin can type one into a person's name) stays plain text, so
 * an email from Muster never carries a clickable link to somewhere else.
 */
function paragraph(text: string, linkOrigin: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const url = match[0];
    if (!url.startsWith(`${linkOrigin}/`)) continue;
    html += escapeHtml(text.slice(last, match.index)).replace(/\n/g, '<br>');
    html += `<a href="${escapeHtml(url)}" style="display:inline-block;padding:8px 0;color:#0b57d0">${escapeHtml(url)}</a>`;
    last = match.index + url.length;
  }
  html += escapeHtml(text.slice(last)).replace(/\n/g, '<br>');
  return `<p style="margin:0 0 16px">${html}</p>`;
}

/**
 * The HTML part of an email, made from its plain text so the two always say the same: blank
 * lines end paragraphs, links become links. Plain markup with inline styles, which every mail
 * client renders, in the message's language and direction.
 */
export function htmlOf(
  subject: string,
  text: string,
  locale: string | undefined,
  linkOrigin: string,
): string {
  const lang = locale ?? 'en';
  const dir = RIGHT_TO_LEFT.has(lang.split('-')[0] ?? '') ? 'rtl' : 'ltr';
  const body = text
    .split(/\n{2,}/)
    .map((part) => paragraph(part, linkOrigin))
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(lang)}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f1f1f;background:#ffffff">
${body}
</body>
</html>
`;
}
