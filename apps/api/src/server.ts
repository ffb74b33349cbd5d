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

/** Largest request body: people CSV imports, or 100,000+ customer-metric rows for the mirror. */
const MAX_BODY_BYTES = Math.max(MAX_IMPORT_BYTES + 100_000, 25_000_000);

const REQUEST_ID_RE = /^[\w.-]{1,64}$/;

const inFlight = new WeakMap<object, number>();

/**
 * Graceful drain: stop accepting connections, answer new requests on kept-alive connections with
 * 503 and `Connection: close`, wait (at most `timeoutMs`) until in-flight requests are answered,
 * then close what is left. Nest's own close() destroys open sockets at once, in-flight included,
 * and Fastify's waits on keep-alive connections: neither is what a rolling deploy wants.
 */
export async function drainHttp(app: NestFastifyApplication, timeoutMs = 15_000): Promise<void> {
  const adapter = app.getHttpAdapter() as unknown as { beforeClose?: () => void };
  adapter.beforeClose?.();
  const server = app.getHttpAdapter().getInstance().server;
  server.close();
  // Requests already sent on open connections may not be parsed yet: give them a moment to count.
  await new Promise((r) => setTimeout(r, 250));
  const end = Date.now() + timeoutMs;
  while ((inFlight.get(app) ?? 0) > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  server.closeAllConnections();
}

/** Builds the HTTP application (GraphQL, health, web) without listening. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestFastifyApplication> {
  const logger = createLogger(config.logLevel);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: MAX_BODY_BYTES,
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
  // CSV bodies (the customer-metrics intake endpoint) arrive as text.
  fastify.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  fastify.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  // In-flight requests, for a graceful drain at shutdown.
  const count = (delta: number) => inFlight.set(app, (inFlight.get(app) ?? 0) + delta);
  fastify.addHook('onRequest', (_req, _reply, done) => {
    count(1);
    done();
  });
  fastify.addHook('onResponse', (_req, _reply, done) => {
    count(-1);
    done();
  });
  fastify.addHook('onRequestAbort', (_req, done) => {
    count(-1);
    done();
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
