/** `ana.lima@example.com` → `a•••••••@example.com`: enough for a person to recognise their own address. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '•'.repeat(address.length);
  return `${address[0]}${'•'.repeat(Math.min(at - 1, 8))}${address.slice(at)}`;
}
