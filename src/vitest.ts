// jobs-kit/vitest: matchers for users' own tests (toMatchApiSpec arrives with the contract runner).
export {};
