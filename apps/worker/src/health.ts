import { createServer, type Server } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import { checkDependencies, REDIS } from '@careers/platform';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

/**
 * The worker has no HTTP server: with WORKER_HEALTH_PORT set it answers
 * `GET /health/live` and `GET /health/ready` as the api does (ready: 200 while
 * it reaches PostgreSQL and Redis; 503 when it does not, or once it is
 * stopping), so that a container's health check can ask it.
 */
export function serveHealth(context: INestApplicationContext, port: number, host: string, stopping: () => boolean): Promise<Server> {
  const dataSource = context.get(DataSource);
  const redis = context.get<Redis>(REDIS);
  const server = createServer((req, res) => {
    const answer = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET') return answer(405, { status: 'GET only' });
    if (req.url === '/health/live') return answer(200, { status: 'ok' });
    if (req.url !== '/health/ready') return answer(404, { status: 'not found: /health/live or /health/ready' });
    checkDependencies(dataSource, redis).then(
      ({ postgres, redis: redisState }) => {
        const ok = postgres === 'up' && redisState === 'up' && !stopping();
        answer(ok ? 200 : 503, { status: ok ? 'ok' : stopping() ? 'shutting down' : 'unavailable', postgres, redis: redisState });
      },
      () => answer(503, { status: 'unavailable' }),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
