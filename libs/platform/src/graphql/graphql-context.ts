import type { Response } from 'express';
import type { AuthedRequest } from '../auth/request-of.js';
import type { Loaders } from './loaders.js';

export interface GraphqlContext {
  req: AuthedRequest & { id?: string | number };
  /** The HTTP response, for headers a resolver sets (the session cookie). */
  res: Response;
  loaders: Loaders;
}
