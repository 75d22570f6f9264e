/**
 * The plain request and response every door converts to and from. No Fetch objects, no streams:
 * the engine works on these only, so the same pipeline runs in a browser, in msw/node and behind
 * node:http.
 */
export interface MockRequest {
  method: string;
  /** Path relative to the API's mount (e.g. `/jobs/abc`), without the query string. */
  path: string;
  /** Raw query string without the leading `?` (duplicate keys and encodings preserved). */
  rawQuery: string;
  /** Header names lower-cased; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** Raw body text; `undefined` when the request had none. */
  bodyText: string | undefined;
  /**
   * Absolute URL of the API's mount as the client addressed it (`http://127.0.0.1:4010/contenthub`), for
   * APIs whose bodies carry absolute links; set by the doors, undefined when unknown.
   */
  mountUrl?: string;
  /** Size of the body as received, when a door stopped reading it at the size limit (then bodyText is undefined). */
  bodyBytes?: number;
}

export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  /** A JSON value to serialise, or `undefined` for no body (204). Strings are sent as-is only when `raw` is set. */
  body: unknown;
  /** Pre-serialised body text (set by respond/). */
  bodyText?: string;
}
