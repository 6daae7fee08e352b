import type { ServiceItem, ServiceItemInput } from '../../shared/schemas/catalog';
import { badRequest, conflict, notFound } from '../lib/errors';
import { httpHandler } from '../lib/http';
import { createService, getService, replaceService } from '../store/services';
import { getDepartment } from '../store/reference';

async function departmentName(input: ServiceItemInput): Promise<string> {
  const dept = await getDepartment(input.departmentId);
  if (!dept) throw badRequest('所选部门不存在', { departmentId: '所选部门不存在' });
  return dept.name;
}

function checkLimits(input: ServiceItemInput) {
  if (input.promisedDays > input.statutoryDays) {
    throw badRequest('承诺时限不能超过法定时限', { promisedDays: '承诺时限不能超过法定时限' });
  }
  if (input.type === 'instant' && input.promisedDays !== 0) {
    throw badRequest('即办件的承诺时限应为0个工作日', { promisedDays: '即办件的承诺时限应为0个工作日' });
  }
}

export const handler = httpHandler({
  'POST /admin/services': async ({ body }) => {
    checkLimits(body);
    const item: ServiceItem = {
      ...body,
      departmentName: await departmentName(body),
      stats: { concluded: 0, onTimeRate: null, medianDays: null },
      version: 1,
      updatedAt: new Date().toISOString(),
    };
    if ((await createService(item)) === 'exists') throw conflict(`事项编码 ${body.code} 已存在`, 'SERVICE_EXISTS');
    return item;
  },

  'PUT /admin/services/{code}': async ({ params, body }) => {
    checkLimits(body);
    const current = await getService(params.code);
    if (!current) throw notFound('事项不存在');
    const { version, ...input } = body;
    const item: ServiceItem = {
      ...input,
      code: params.code,
      departmentName: await departmentName(body),
      stats: current.stats,
      version: version + 1,
      updatedAt: new Date().toISOString(),
    };
    const outcome = await replaceService(item, version);
    if (outcome === 'missing') throw notFound('事项不存在');
    if (outcome === 'stale') throw conflict('事项已被他人修改，请刷新后重试', 'VERSION_CONFLICT');
    return item;
  },
});
