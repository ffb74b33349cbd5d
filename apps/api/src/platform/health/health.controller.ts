import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/authorize.decorator';

/** Liveness (/health: the process answers) and readiness (/ready: database up, schema current). */
@Controller()
export class HealthController {
  constructor(private readonly db: DataSource) {}

  @Get('health')
  @Public()
  health() {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  async ready(@Res() reply: FastifyReply) {
    try {
      await this.db.query('SELECT 1');
      const pending = await this.db.showMigrations();
      if (pending) return reply.code(503).send({ status: 'unavailable', reason: 'migrations pending' });
      return reply.send({ status: 'ready' });
    } catch {
      return reply.code(503).send({ status: 'unavailable', reason: 'database unreachable' });
    }
  }
}
