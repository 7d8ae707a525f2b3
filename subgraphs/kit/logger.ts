import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name,
    level,
    // Personal data must never reach a log line through a logged request.
    redact: ['req.headers.authorization', 'headers.authorization', '*.token'],
  });
}
