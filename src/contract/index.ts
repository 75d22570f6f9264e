// The contract tools' environment-neutral surface (for src/index.ts). Node-only: ./prism.js and ./reporters/write-reports.js (for src/node.ts).
export { runContract, type RunContractOptions, type ContractProgress } from './run-contract.js';
export type { ApiSource } from './api-target.js';
export type { Check, CheckKind, CheckOutcome, ContractReport, CoverageRow, Exchange, ReceivedResponse, SentRequest } from './contract-report.js';
export { validateResponse, type ValidateResponseInput } from './validate-response.js';
export type { PagingExtension, LifecycleExtension } from './spec-extensions.js';
export type { LinkObject } from './flow-steps.js';
export { toJunit } from './reporters/junit.js';
export { toMarkdown } from './reporters/markdown.js';
export { toSummary } from './reporters/summary.js';
