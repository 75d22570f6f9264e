/** `application/json; charset=utf-8` → `application/json`. */
export function baseMediaType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const base = contentType.split(';', 1)[0]!.trim().toLowerCase();
  return base || undefined;
}

export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json') || mediaType === '*/*';
}

/** The declared media type a request/response content type matches, honouring `type/*` and `*\/*`. */
export function matchMediaType(declared: readonly string[], actual: string | undefined): string | undefined {
  if (!actual) return undefined;
  if (declared.includes(actual)) return actual;
  const [type] = actual.split('/');
  return declared.find((d) => d === `${type}/*` || d === '*/*');
}
