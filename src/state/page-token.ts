/**
 * Opaque paging tokens. A token carries the resume position and is bound to the principal and the
 * query that minted it, so a token cannot page another user's data or a different filter: decoding
 * with another binding fails (the API answers its own "invalid token" error).
 */
export interface PageTokenBinding {
  principal: string;
  /** A stable string of the filters the list was asked with. */
  query: string;
}

function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

function toBase64Url(text: string): string {
  const b64 = typeof btoa === 'function' ? btoa(text) : Buffer.from(text, 'binary').toString('base64');
  return b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(token: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  const b64 = token.replace(/-/g, '+').replace(/_/g, '/');
  try {
    return typeof atob === 'function' ? atob(b64) : Buffer.from(b64, 'base64').toString('binary');
  } catch {
    return undefined;
  }
}

export function encodePageToken(position: number, binding: PageTokenBinding): string {
  const payload = `${position}.${checksum(`${binding.principal}\n${binding.query}`)}`;
  return toBase64Url(`${payload}.${checksum(payload)}`);
}

/** The position inside a token, or undefined when the token is malformed or bound to something else. */
export function decodePageToken(token: string, binding: PageTokenBinding): number | undefined {
  const text = fromBase64Url(token);
  const parts = text?.split('.');
  if (!parts || parts.length !== 3) return undefined;
  const [position, bound, sum] = parts as [string, string, string];
  if (checksum(`${position}.${bound}`) !== sum) return undefined;
  if (bound !== checksum(`${binding.principal}\n${binding.query}`)) return undefined;
  const n = Number(position);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}
