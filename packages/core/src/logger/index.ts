// Logging: one pino JSON logger built at start-up, with secrets redacted by path.
export { createLogger, redactedPaths, type Logger } from './create-logger';
