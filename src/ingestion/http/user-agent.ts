/**
 * arXiv asks automated clients to say who they are and how to reach the operator. The contact is the address
 * in MAIL_FROM (`Name <address>` or a bare address).
 */
export function userAgent(mailFrom: string, version: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  const contact = address.includes("@") ? `; mailto:${address}` : "";
  return `Paperboy/${version} (self-hosted research-paper hub${contact})`;
}
