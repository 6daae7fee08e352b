// 民情月报 and accountability (used only by the workbench subpackage): the
// monthly report, its CSV file, the ladder and apologies, complaints.
import Taro from '@tarojs/taro';
import { AccountabilityResponse, Apology, ComplaintCase, ComplaintsResponse, LadderPerson } from '../../../shared/schemas/accountability';
import { MonthlyReport } from '../../../shared/schemas/reports';
import { request, routeUrl, type RouteBody } from './client';
import { ApiError, MSG_NETWORK } from './errors';
import { getToken } from './session';

export function monthlyReport(month: string) {
  return request('GET /admin/reports/monthly', { auth: 'staff', query: { month } }, MonthlyReport);
}

/**
 * Save the month's CSV: in the browser a download of the file as the server
 * sent it (UTF-8 with BOM); in WeChat, download it and offer to send it on.
 */
export async function downloadMonthlyCsv(month: string): Promise<void> {
  const url = routeUrl('GET /admin/reports/monthly.csv', { query: { month } });
  const header = { Authorization: `Bearer ${getToken('staff') ?? ''}` };
  const name = `民情月报-${month}.csv`;
  if (process.env.TARO_ENV === 'h5') {
    const res = await fetch(url, { headers: header }).catch(() => null);
    if (!res || !res.ok) throw new ApiError(res?.status ?? 0, 'DOWNLOAD', res ? '下载失败，请稍后重试' : MSG_NETWORK);
    const href = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 1000);
    return;
  }
  const file = await Taro.downloadFile({ url, header });
  if (file.statusCode !== 200) throw new ApiError(file.statusCode, 'DOWNLOAD', '下载失败，请稍后重试');
  await Taro.shareFileMessage({ filePath: file.tempFilePath, fileName: name });
}

export function getAccountability() {
  return request('GET /admin/accountability', { auth: 'staff' }, AccountabilityResponse);
}

export function recordLadderAction(username: string, body: RouteBody<'POST /admin/accountability/{username}/actions'>) {
  return request('POST /admin/accountability/{username}/actions', { auth: 'staff', params: { username }, body }, LadderPerson);
}

export function recordApology(id: string, note: string) {
  return request('POST /admin/apologies/{id}/done', { auth: 'staff', params: { id }, body: { note } }, Apology);
}

export function listComplaints(cursor?: string) {
  return request('GET /admin/complaints', { auth: 'staff', query: cursor ? { cursor } : {} }, ComplaintsResponse);
}

export function openComplaint(demandId: string, staffUsername: string) {
  return request('POST /admin/demands/{id}/complaint', { auth: 'staff', params: { id: demandId }, body: { staffUsername } }, ComplaintCase);
}

export function stateCase(id: string, text: string, version: number) {
  return request('POST /admin/complaints/{id}/statement', { auth: 'staff', params: { id }, body: { text, version } }, ComplaintCase);
}

export function decideComplaint(id: string, body: RouteBody<'POST /admin/complaints/{id}/decision'>) {
  return request('POST /admin/complaints/{id}/decision', { auth: 'staff', params: { id }, body }, ComplaintCase);
}
