import { notFound } from '../lib/errors';
import { httpHandler } from '../lib/http';
import { searchCatalog } from '../domain/catalog';
import { getService, listServiceRows, listServiceRowsOfDepartment } from '../store/services';
import { listDepartments, listRegions } from '../store/reference';

export const handler = httpHandler({
  'GET /regions': async () => ({ regions: await listRegions() }),

  'GET /departments': async () => ({ departments: await listDepartments() }),

  'GET /services': async ({ query }) => {
    const rows = query.departmentId ? await listServiceRowsOfDepartment(query.departmentId) : await listServiceRows();
    const items = searchCatalog(rows, query).map(({ keywords: _k, serves: _s, uses: _u, ...summary }) => summary);
    return { items, total: items.length };
  },

  'GET /services/{code}': async ({ params }) => {
    const item = await getService(params.code);
    if (!item) throw notFound('事项不存在');
    return item;
  },
});
