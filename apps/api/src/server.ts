import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppModule } from './app.module';
import type { AppConfig } from './platform/config/config';
import { createLogger, PinoNestLogger } from './platform/logging/logger';
import { MAX_IMPORT_BYTES } from './modules/people-import/dto/people-import.types';

const REQUEST_ID_RE = /^[\w.-]{1,64}$/;

/** Builds the HTTP application (GraphQL, health, web) without listening. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestFastifyApplication> {
  const logger = createLogger(config.logLevel);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: MAX_IMPORT_BYTES + 100_000,
    trustProxy: true,
    requestIdHeader: false,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID_RE.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, databaseUrl),
    adapter,
    {
      logger: new PinoNestLogger(logger),
      bufferLogs: false,
    },
  );
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  await app.register(fastifyCookie as never);
  if (config.webDistDir) {
    await app.register(fastifyStatic as never, {
      root: config.webDistDir,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
    });
    // Client-side routes: any other GET that wants HTML gets the single-page app.
    fastify.get('/*', (req: FastifyRequest, reply: FastifyReply) => {
      if (!String(req.headers.accept ?? '').includes('text/html'))
        return reply.code(404).send({ message: 'Not found' });
      return reply.sendFile('index.html');
    });
  }
  await app.init();
  return app;
}
