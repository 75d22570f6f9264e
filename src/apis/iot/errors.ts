/**
 * The iot error envelope: the seed's `{ "error": "<reason>" }` plus `code`, the AWS exception name,
 * which AWS itself sends in the `x-amzn-ErrorType` header (also set here). Statuses are AWS IoT's
 * (service model iot-2015-05-28: LimitExceededException is a 410, ThrottlingException a 400), except
 * that an invalid request body is the seed's 422.
 */
import { ApiError, type ApiErrorCode } from '../../core/api-error.js';
import type { ErrorRenderer, Reply } from '../../core/api-module.js';
import type { components } from '../../generated/iot.js';

export type AwsErrorCode = NonNullable<components['schemas']['Error']['code']>;
type ErrorBody = components['schemas']['Error'];

const AWS_ERRORS: Readonly<Record<AwsErrorCode, { status: number; kit: ApiErrorCode }>> = {
  InvalidRequestException: { status: 400, kit: 'bad_request' },
  ResourceNotFoundException: { status: 404, kit: 'not_found' },
  ResourceAlreadyExistsException: { status: 409, kit: 'conflict' },
  ConflictException: { status: 409, kit: 'conflict' },
  VersionConflictException: { status: 409, kit: 'conflict' },
  InvalidStateTransitionException: { status: 409, kit: 'conflict' },
  LimitExceededException: { status: 410, kit: 'conflict' },
  ThrottlingException: { status: 400, kit: 'too_many_requests' },
  UnauthorizedException: { status: 401, kit: 'unauthorized' },
  AccessDeniedException: { status: 403, kit: 'forbidden' },
  MissingAuthenticationTokenException: { status: 403, kit: 'unauthorized' },
  IncompleteSignatureException: { status: 403, kit: 'unauthorized' },
  InvalidSignatureException: { status: 403, kit: 'unauthorized' },
  UnrecognizedClientException: { status: 403, kit: 'unauthorized' },
  UnknownOperationException: { status: 404, kit: 'not_found' },
  MethodNotAllowedException: { status: 405, kit: 'method_not_allowed' },
  RequestEntityTooLargeException: { status: 413, kit: 'payload_too_large' },
  UnsupportedMediaTypeException: { status: 415, kit: 'unsupported_media_type' },
  NotAcceptableException: { status: 406, kit: 'not_acceptable' },
  NotImplementedException: { status: 501, kit: 'not_implemented' },
  InternalFailureException: { status: 500, kit: 'internal' },
  ServiceUnavailableException: { status: 503, kit: 'service_unavailable' },
};

/** The AWS exception for an error raised by shared code (which knows only kit codes). */
const BY_KIT_CODE: Readonly<Record<ApiErrorCode, AwsErrorCode>> = {
  bad_request: 'InvalidRequestException',
  validation_failed: 'InvalidRequestException',
  // AWS's front door refuses unsigned requests with a 403, never a 401.
  unauthorized: 'MissingAuthenticationTokenException',
  forbidden: 'AccessDeniedException',
  not_found: 'ResourceNotFoundException',
  method_not_allowed: 'MethodNotAllowedException',
  conflict: 'ConflictException',
  payload_too_large: 'RequestEntityTooLargeException',
  unsupported_media_type: 'UnsupportedMediaTypeException',
  not_acceptable: 'NotAcceptableException',
  too_many_requests: 'ThrottlingException',
  internal: 'InternalFailureException',
  not_implemented: 'NotImplementedException',
  service_unavailable: 'ServiceUnavailableException',
};

export function isAwsErrorCode(value: unknown): value is AwsErrorCode {
  return typeof value === 'string' && Object.hasOwn(AWS_ERRORS, value);
}

/** An error as AWS IoT answers it: the exception name travels in `detail.code`. */
export function awsError(code: AwsErrorCode, message: string): ApiError {
  const { status, kit } = AWS_ERRORS[code];
  return new ApiError(kit, message, { status, detail: { code } });
}

function codeOf(error: ApiError, known: boolean): AwsErrorCode {
  if (isAwsErrorCode(error.detail['code'])) return error.detail['code'];
  // A path no operation serves: AWS names it an unknown operation.
  if (error.code === 'not_found' && !known) return 'UnknownOperationException';
  return BY_KIT_CODE[error.code];
}

function statusOf(error: ApiError, code: AwsErrorCode): number {
  if (error.code === 'validation_failed') return error.diagnostics.some((d) => d.location === 'body') ? 422 : 400;
  // Injected faults carry the status they were asked for (500, 503, ...): keep it.
  if (error.code === 'internal' || error.code === 'service_unavailable') return error.status;
  return AWS_ERRORS[code].status;
}

export const iotErrors: ErrorRenderer = {
  render(error, operation): Reply<ErrorBody> {
    const code = codeOf(error, operation !== undefined);
    return {
      status: statusOf(error, code),
      body: { error: error.message, code },
      headers: { ...error.headers, 'x-amzn-errortype': code },
    };
  },
};
