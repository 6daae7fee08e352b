// Consent for pushes is asked within the tap and the answer stored on the
// server; where WeChat has no dialog (H5) or the user closes it, nothing breaks.
import { askConsent } from '../../miniprogram/src/utils/subscribe';
import { setToken } from '../../miniprogram/src/api/session';
import { CONSENT_MOMENTS, PUSH_TEMPLATES } from '../../shared/push-templates';
import { mockApi, ok } from './support/api';
import Taro from './support/taro';

const wx = Taro as unknown as { requestSubscribeMessage?: jest.Mock };

afterEach(() => {
  delete wx.requestSubscribeMessage;
});

test('filing a demand asks for the progress templates (at most 3) and stores each answer', async () => {
  setToken('resident', 'tok', new Date(Date.now() + 3600_000).toISOString());
  const ids = CONSENT_MOMENTS.file_demand.map((t) => PUSH_TEMPLATES[t].id);
  wx.requestSubscribeMessage = jest.fn(async () => ({ [ids[0]!]: 'accept', [ids[1]!]: 'reject', errMsg: 'requestSubscribeMessage:ok' }));
  const seen = mockApi({ 'PUT /me/subscriptions': ok({ ok: true }) });
  await askConsent('file_demand');
  expect(wx.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ids });
  expect(ids.length).toBeLessThanOrEqual(3);
  const saved = seen.find((r) => r.method === 'PUT' && r.path === '/me/subscriptions');
  expect(saved?.body).toEqual({ results: { [ids[0]!]: 'accept', [ids[1]!]: 'reject' } });
});

test('a closed dialog records nothing and does not throw', async () => {
  wx.requestSubscribeMessage = jest.fn(async () => {
    throw new Error('requestSubscribeMessage:fail cancel');
  });
  const seen = mockApi({});
  await expect(askConsent('apply')).resolves.toBeUndefined();
  expect(seen).toHaveLength(0);
});
