// Errors: the closed code list, its status map, AppError, and the envelope every surface returns.
// Core throws AppError; the edges translate it with toErrorEnvelope().
export { errorStatus, errorCodes, defaultMessages, type ErrorCode } from './codes';
export {
  AppError,
  isAppError,
  parseInput,
  parseJsonBody,
  toAppError,
  toErrorEnvelope,
  DATABASE_RETRY_AFTER_SECONDS,
  type AppErrorOptions,
  type ErrorEnvelope,
  type ErrorFields,
} from './app-error';
