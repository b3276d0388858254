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

/** A paragraph with its links made clickable (and big enough to tap on a phone). */
function paragraph(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const url = match[0];
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
export function htmlOf(subject: string, text: string, locale: string | undefined): string {
  const lang = locale ?? 'en';
  const dir = RIGHT_TO_LEFT.has(lang.split('-')[0] ?? '') ? 'rtl' : 'ltr';
  const body = text
    .split(/\n{2,}/)
    .map(paragraph)
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
