// 撤回: the resident's case page offers it while the server says the case can
// still be withdrawn, asks first, sends the version seen, and shows the new state.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ApplicationDetailPage from '../../miniprogram/src/packages/apply/detail';
import { setToken } from '../../miniprogram/src/api/session';
import { mockApi, ok } from './support/api';
import { application } from './support/applications';
import * as taro from './support/taro';

const submitted = { ...application, state: 'submitted' as const, version: 3, withdrawable: true };

beforeEach(() => {
  setToken('resident', 'tok', new Date(Date.now() + 3600_000).toISOString());
  taro.__setRouterParams({ id: application.id });
});

describe('withdraw an application', () => {
  it('asks, withdraws with the version seen, then shows 已撤回 without the button', async () => {
    let withdrawn = false;
    const seen = mockApi({
      'GET /applications/{id}': () => ok(withdrawn ? { ...submitted, state: 'withdrawn', version: 4, withdrawable: false } : submitted),
      'POST /applications/{id}/withdraw': () => {
        withdrawn = true;
        return ok({ ...submitted, state: 'withdrawn', version: 4, withdrawable: false });
      },
    });
    render(<ApplicationDetailPage />);
    fireEvent.click(await screen.findByRole('button', { name: '撤回申请' }));
    // Confirmed in the page's own dialog (it scales in elder mode), never the system one.
    expect(within(await screen.findByRole('dialog')).getByText('确定撤回这件申请吗？撤回后部门不再办理。')).toBeInTheDocument();
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '撤回' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    expect(taro.showModal).not.toHaveBeenCalled();
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({ version: 3 });
    expect(await screen.findByText('已撤回')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '撤回申请' })).not.toBeInTheDocument();
  });

  it('does nothing when the resident thinks again', async () => {
    const seen = mockApi({ 'GET /applications/{id}': ok(submitted) });
    render(<ApplicationDetailPage />);
    fireEvent.click(await screen.findByRole('button', { name: '撤回申请' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '不撤回' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
  });

  it('is not offered once the case is accepted', async () => {
    mockApi({ 'GET /applications/{id}': ok({ ...application, state: 'accepted', withdrawable: false }) });
    render(<ApplicationDetailPage />);
    await screen.findByText(application.caseNumber);
    expect(screen.queryByRole('button', { name: '撤回申请' })).not.toBeInTheDocument();
  });
});
