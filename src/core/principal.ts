/** Who is calling, as an API's auth module resolved it. */
export interface Principal {
  /** Stable user id (the owner key for per-user visibility). */
  id: string;
  /** Display name. */
  name: string;
  /** Tenant / account / organization scope, where the API has one. */
  account?: string;
  /** API-specific roles (`curator`, `admin`, ...). */
  roles: readonly string[];
}

/** A development credential the mock accepts out of the box, printed by `serve` and documented. */
export interface DevCredential {
  /** Who this credential authenticates as. */
  principal: Principal;
  /** Headers to send, ready to use (`{ authorization: 'Bearer ...' }`). */
  headers: Record<string, string>;
  /** One line for humans (`Bearer dev-token-alice (user alice, curator)`). */
  description: string;
}
