import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

/** One JSON logger for the process (Fastify requests and Nest alike). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'symmetry-api' }, timestamp: pino.stdTimeFunctions.isoTime });
}

/** Nest's logger interface on top of pino, so framework messages are JSON lines too. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
