// Staff home: who is signed in (from GET /admin/me), the entries of their
// role, sign-out.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { STAFF_ROLE_LABELS } from '../../../../shared/enums';
import { getStaffMe, getWorkbenchHome, staffLogout } from '../../api/staff';
import { Cell } from '../../components/Cell';
import { Page } from '../../components/Page';
import { ErrorState, Loading } from '../../components/States';
import { maskPhone } from '../../utils/format';
import { useLoad } from '../../utils/useLoad';
import {
  DEMANDS_ROUTE, DESK_ROUTE, mayUse, NOTICES_ROUTE, oversees, POSTS_ROUTE, PROXY_ROUTE, PUSH_FAILURES_ROUTE, QUEUE_ROUTE, RECEPTIONS_ROUTE, REPORT_ROUTE,
  SATISFACTION_ROUTE, TICKETS_ROUTE,
} from '../access';
import { BindWechat } from './BindWechat';
import './index.scss';
import { Btn } from '../../components/Btn';

export default function Workbench() {
  const { data: staff, error, reload } = useLoad(getStaffMe, [], { staff: true });
  // The numbers are a help, not the page: without them the entries still work.
  const { data: home } = useLoad(getWorkbenchHome, [], { staff: true, onShow: true });
  const n = home?.counts;

  const logout = () => {
    staffLogout();
    void Taro.redirectTo({ url: '/workbench/login/index' });
  };

  if (error || !staff) {
    return <Page className='workbench'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }

  return (
    <Page className='workbench'>
      <View className='card workbench__me'>
        <Text className='workbench__name'>{staff.name}</Text>
        <Text className='badge badge--blue workbench__role'>{STAFF_ROLE_LABELS[staff.role]}</Text>
        <View className='kv'>
          <Text className='kv__k'>账号</Text>
          <Text className='kv__v'>{staff.username}</Text>
        </View>
        <View className='kv'>
          <Text className='kv__k'>所属部门</Text>
          <Text className='kv__v'>{staff.departmentName ?? '—'}</Text>
        </View>
        <View className='kv'>
          <Text className='kv__k'>负责区域</Text>
          <Text className='kv__v'>{staff.regionName}</Text>
        </View>
        {staff.phone ? (
          <View className='kv'>
            <Text className='kv__k'>联系电话</Text>
            <Text className='kv__v'>{maskPhone(staff.phone)}</Text>
          </View>
        ) : null}
      </View>
      <View className='card'>
        {mayUse(staff.role, DEMANDS_ROUTE) ? (
          <Cell label='诉求' count={n?.demands} value='派单·签收·答复·督办' onClick={() => void Taro.navigateTo({ url: '/workbench/demands/index' })} />
        ) : null}
        {/* Those who oversee every department work from 超期督办 instead. */}
        {mayUse(staff.role, QUEUE_ROUTE) && !oversees(staff.role) ? (
          <Cell label='部门办件' count={n?.queue} value='按期限排序·亮灯' onClick={() => void Taro.navigateTo({ url: '/workbench/queue/index' })} />
        ) : null}
        {mayUse(staff.role, PROXY_ROUTE) ? (
          <Cell label='代办任务' value='委托·代收·代交·代领·回交' onClick={() => void Taro.navigateTo({ url: '/workbench/proxy/index' })} />
        ) : null}
        {oversees(staff.role) ? (
          <Cell label='超期督办' count={n?.overdue} value='临期·超期' onClick={() => void Taro.navigateTo({ url: '/workbench/overdue/index' })} />
        ) : null}
        {mayUse(staff.role, TICKETS_ROUTE) ? (
          <Cell label='差评整改' count={n?.tickets} value='核实·整改·回访·公开' onClick={() => void Taro.navigateTo({ url: '/workbench/tickets/index' })} />
        ) : null}
        {mayUse(staff.role, SATISFACTION_ROUTE) ? (
          <Cell label='满意度看板' value='部门·干部·乡镇' onClick={() => void Taro.navigateTo({ url: '/workbench/satisfaction/index' })} />
        ) : null}
        {mayUse(staff.role, REPORT_ROUTE) ? (
          <Cell label='民情月报' value='三率·得分·热点·下载' onClick={() => void Taro.navigateTo({ url: '/workbench/report/index' })} />
        ) : null}
        {staff.role !== 'agent' ? (
          <Cell label='投诉核查与问责' value={mayUse(staff.role, REPORT_ROUTE) ? '核查·问责阶梯·致歉' : '涉及本人的投诉'} onClick={() => void Taro.navigateTo({ url: '/workbench/accountability/index' })} />
        ) : null}
        {staff.role !== 'clerk' ? (
          <Cell
            label='承诺卡'
            count={n?.commitmentsOverdue}
            value={n?.commitmentsOverdue != null ? '超期承诺·每周进展' : '公开承诺·每周进展·办结'}
            onClick={() => void Taro.navigateTo({ url: '/workbench/commitments/index' })}
          />
        ) : null}
        {mayUse(staff.role, NOTICES_ROUTE) ? (
          <Cell label='政策通知' value='起草·预览·发布·触达' onClick={() => void Taro.navigateTo({ url: '/workbench/notices/index' })} />
        ) : null}
        {mayUse(staff.role, DESK_ROUTE) ? (
          <Cell label='今日预约' count={n?.appointmentsToday} value='名单·签到·关闭时段' onClick={() => void Taro.navigateTo({ url: '/workbench/day/index' })} />
        ) : null}
        {staff.role === 'agent' ? (
          <Cell label='我的包联户' value='每月联系·三必到·五必访' onClick={() => void Taro.navigateTo({ url: '/workbench/households/index' })} />
        ) : null}
        {staff.role === 'supervisor' || staff.role === 'admin' || ((staff.role === 'clerk' || staff.role === 'dept_head') && !staff.departmentId) ? (
          <Cell label='包联覆盖' value='联系率·逾期·未联系反映' onClick={() => void Taro.navigateTo({ url: '/workbench/coverage/index' })} />
        ) : null}
        {mayUse(staff.role, POSTS_ROUTE) ? (
          <Cell label='AB岗' value='B岗·不在岗·代岗' onClick={() => void Taro.navigateTo({ url: '/workbench/posts/index' })} />
        ) : null}
        {mayUse(staff.role, RECEPTIONS_ROUTE) ? (
          <Cell label='领导接待日' value='接待日期·时段名额·预约名单' onClick={() => void Taro.navigateTo({ url: '/workbench/receptions/index' })} />
        ) : null}
        {mayUse(staff.role, PUSH_FAILURES_ROUTE) ? (
          <Cell label='推送失败' value='微信拒绝·重试用尽' onClick={() => void Taro.navigateTo({ url: '/workbench/push-failures/index' })} />
        ) : null}
      </View>
      <BindWechat isHead={staff.role === 'dept_head'} />
      <Btn className='btn btn--danger btn--block' onClick={logout}>
        退出登录
      </Btn>
      <Btn className='btn btn--ghost btn--block' onClick={() => void Taro.switchTab({ url: '/pages/index/index' })}>
        返回居民首页
      </Btn>
    </Page>
  );
}
