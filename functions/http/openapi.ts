import { buildOpenApi } from '../../shared/openapi';
import { httpHandler } from '../lib/http';

let doc: unknown;

export const handler = httpHandler({
  'GET /openapi.json': async () => (doc ??= buildOpenApi()),
});
