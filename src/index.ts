// jobs-kit: the environment-neutral core. Node-only and browser-only doors live in jobs-kit/node and jobs-kit/browser.
export { createEngine } from './engine/create-engine.js';
export { createEngineFromModules, type Engine, type ResponseViolation } from './engine/engine.js';
export type { EngineOptions, EngineSettings, LatencySetting, FaultSetting, ResponseValidationMode } from './engine/engine-options.js';
export { createFetch, type MockFetch, type CreateFetchOptions } from './doors/create-fetch.js';
export { createHandlers, createMockHandlers, type HandlerOptions, type MockHandlers } from './doors/msw-handlers.js';
export { createAdminApi, type AdminApi } from './admin/admin-api.js';
export { API_NAMES, defineApi, type ApiModule, type ApiName, type Handler, type HandlerContext, type Reply } from './core/api-module.js';
export { ApiError, type ApiErrorCode } from './core/api-error.js';
export { JobsKitError, type KitErrorCode } from './core/kit-error.js';
export type { Diagnostic } from './core/diagnostic.js';
export type { MockRequest, MockResponse } from './core/http.js';
export type { Principal, DevCredential } from './core/principal.js';
export { createClock, type Clock, type ClockMode } from './state/clock.js';
export { createRandom, type Random } from './state/random.js';
export * from './contract/index.js';
