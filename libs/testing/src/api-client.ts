import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';

export interface GqlResult<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors?: { message: string; path?: string[]; extensions: { code: string; [key: string]: unknown } }[];
  headers: Headers;
}

export interface TestApi {
  app: INestApplication;
  url: string;
  /** A GraphQL operation over real HTTP, optionally as a signed-in user. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string, headers?: Record<string, string>): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

/**
 * Boots the api in-process, as `main` builds it, listening on a free port.
 * `env` overrides settings for this app only (read when its config is built).
 */
export async function startApi(create: () => Promise<INestApplication>, env: Record<string, string> = {}): Promise<TestApi> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, { LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent' }, env);
  let app: INestApplication;
  try {
    app = await create();
    app.useLogger(false);
    await app.listen(0, '127.0.0.1');
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    url,
    async gql(query, variables, token, headers = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: unknown; errors?: GqlResult['errors'] };
      return { status: res.status, data: (body.data ?? null) as never, errors: body.errors, headers: res.headers };
    },
    close: () => app.close(),
  };
}

/** The data of a result that must have succeeded; otherwise a failure that shows the errors. */
export function ok<T>(result: GqlResult<T>): T {
  if (result.errors?.length || !result.data) {
    throw new Error(`Expected success, got ${result.status}: ${JSON.stringify(result.errors, null, 2)}`);
  }
  return result.data;
}

/** The code of the only error of a result that must have failed. */
export function errorCode(result: GqlResult): string {
  if (!result.errors?.length) throw new Error(`Expected an error, got data: ${JSON.stringify(result.data)}`);
  return result.errors[0]!.extensions.code;
}
