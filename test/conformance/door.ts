import type { ApiName } from '../../src/core/api-module.js';

/** A response as a test sees it, whichever door it came through. */
export interface DoorResponse {
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON when the body is JSON, the text otherwise, undefined when empty. */
  body: any;
  text: string;
}

export interface DoorRequestInit {
  method?: string;
  headers?: Record<string, string>;
  /** A string is sent as-is; anything else is JSON.stringify'd (content-type left to the caller). */
  body?: unknown;
}

/**
 * One way into the mock: the HTTP server over a socket, msw/node, createFetch, or a real browser.
 * Every conformance suite is written once against this interface and run through every door.
 * The mock behind a door runs with: seed 1, manual clock, auth on, committed fixtures loaded,
 * response validation in 'throw' mode (a response that breaks the spec becomes a 500).
 */
export interface Door {
  name: string;
  /**
   * Sends a request to one API. `path` is relative to the API's mount and includes the spec's base
   * path and query string, e.g. request('exabyte', '/api/v1/jobs?query=...').
   */
  request(api: ApiName, path: string, init?: DoorRequestInit): Promise<DoorResponse>;
  admin: {
    /** Seeded state and clock back to the start. */
    reset(): Promise<void>;
    /** Moves the virtual clock forward. */
    advance(ms: number): Promise<void>;
    /** Turns auth on or off (the door starts with auth on). */
    setAuth(enabled: boolean): Promise<void>;
  };
}

/** A conformance suite: registers describe/it blocks; `door()` is valid inside tests and hooks. */
export type ApiSuite = (door: () => Door) => void;
