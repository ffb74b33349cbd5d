import { Controller, Headers, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MirrorService, type IntakeColumns, type IntakeRow } from './mirror.service';
import { Public } from '../../platform/auth/authorize.decorator';

/**
 * POST /api/intake/customer-metrics — for a CRM. Authenticated by a per-organisation intake key
 * (`Authorization: Bearer sym_…`), which opens nothing else. Body: JSON `{ source?, rows: [{ team,
 * metric, periodKind, periodStart, value, sampleSize }] }` or a CSV (text/csv) with the columns of
 * the web import. 200 with counts; 400 with every bad row (nothing applied); 401 for a bad key.
 */
@Controller('api/intake')
export class IntakeController {
  constructor(private readonly mirror: MirrorService) {}

  @Post('customer-metrics')
  @Public()
  @HttpCode(200)
  async customerMetrics(
    @Headers('authorization') authorization: string | undefined,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const key = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? String(req.headers['x-api-key'] ?? '');
    const org = key ? await this.mirror.organizationOfKey(key) : null;
    if (!org)
      return reply
        .code(401)
        .send({ error: 'UNAUTHENTICATED', message: 'A valid intake API key is required' });
    let rows: IntakeRow[] | IntakeColumns;
    let firstLine = 1;
    let source = `api:${org.name}`;
    if (typeof req.body === 'string') {
      const parsed = this.mirror.parseCsv(req.body);
      if (parsed.problems.length)
        return reply.code(400).send({ error: 'BAD_USER_INPUT', problems: parsed.problems });
      rows = parsed.rows;
      firstLine = 2;
    } else {
      const body = (req.body ?? {}) as { source?: unknown; rows?: unknown };
      if (!Array.isArray(body.rows))
        return reply.code(400).send({
          error: 'BAD_USER_INPUT',
          problems: [{ line: 0, field: 'rows', message: 'Expected rows: [...]' }],
        });
      if (body.source !== undefined) source = String(body.source);
      rows = body.rows as IntakeRow[];
    }
    try {
      const result = await this.mirror.intake(org.organizationId, source, rows, true, firstLine);
      if (!result.valid) return reply.code(400).send({ error: 'BAD_USER_INPUT', problems: result.problems });
      return reply.send({
        rows: result.rows,
        inserted: result.inserted,
        updated: result.updated,
        unchanged: result.unchanged,
      });
    } catch (e) {
      const message = e instanceof Error ? e.message : 'Bad request';
      if ((e as { code?: string }).code === 'BAD_USER_INPUT')
        return reply.code(400).send({
          error: 'BAD_USER_INPUT',
          problems: [{ line: 0, field: (e as { field?: string }).field ?? 'body', message }],
        });
      throw e;
    }
  }
}
