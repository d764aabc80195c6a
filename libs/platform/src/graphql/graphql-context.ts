import type { AuthedRequest } from '../auth/request-of.js';
import type { Loaders } from './loaders.js';

export interface GraphqlContext {
  req: AuthedRequest & { id?: string | number };
  loaders: Loaders;
}
