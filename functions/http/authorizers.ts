// HTTP API request authorizers (simple responses). A missing, forged or
// expired token is a 401 (throwing 'Unauthorized' tells API Gateway so); a
// valid token of the other audience is a 403.
import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { verifyToken } from '../auth/tokens';

interface SimpleResult {
  isAuthorized: boolean;
  context?: Record<string, string>;
}

function bearer(event: APIGatewayRequestAuthorizerEventV2): string | undefined {
  const header = event.headers?.authorization ?? event.headers?.Authorization ?? event.identitySource?.[0] ?? '';
  return /^Bearer\s+(\S+)$/i.exec(header)?.[1];
}

async function authorize(event: APIGatewayRequestAuthorizerEventV2, audience: 'resident' | 'staff'): Promise<SimpleResult> {
  const token = bearer(event);
  if (!token) throw new Error('Unauthorized');
  const result = await verifyToken(token);
  if (!result.ok) throw new Error('Unauthorized');
  if (result.aud !== audience) return { isAuthorized: false };
  if (audience === 'resident') return { isAuthorized: true, context: { kind: 'resident', sub: result.sub } };
  const c = result.claims;
  return {
    isAuthorized: true,
    context: { kind: 'staff', sub: result.sub, role: String(c.role), dept: String(c.dept ?? ''), region: String(c.region ?? '') },
  };
}

export const resident = (event: APIGatewayRequestAuthorizerEventV2) => authorize(event, 'resident');
export const staff = (event: APIGatewayRequestAuthorizerEventV2) => authorize(event, 'staff');
