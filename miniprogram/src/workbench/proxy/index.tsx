// 我的代办任务 (agent): the proxy cases assigned to me; each shows the steps
// done and a button for the next one (记录委托 / 记录代收 / 记录代交 / 记录代领 /
// 记录回交) that records it with the case's version.
import { Text, View } from '@tarojs/components';
import { PROXY_STEP_LABELS, type Application } from '../../../../shared/schemas/applications';
import { getProxyTasks, recordProxyStep } from '../../api/casework';
import { Btn } from '../../components/Btn';
import { Phone } from '../../components/CaseParts';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { proxyStepButton } from '../../utils/applications';
import { formatInstant } from '../../utils/dates';
import { LoadMore } from '../../components/LoadMore';
import { useAction } from '../../utils/useAction';
import { usePaged } from '../../utils/usePaged';
import { ActionResult, CaseRow } from '../cases';
import '../cases.scss';

/** Open tasks (a next step to do) first, in the server's order. */
function openFirst(list: Application[]): Application[] {
  return list.filter((a) => a.proxy?.nextStep).concat(list.filter((a) => !a.proxy?.nextStep));
}

export default function ProxyTasks() {
  const { items, error, reload, setItems, more } = usePaged((cursor) => getProxyTasks(cursor).then((r) => ({ items: r.applications, nextCursor: r.nextCursor })), [], { onShow: true, staff: true });
  const list = items && openFirst(items);
  // Someone else recorded it first, or the case moved on (409): show the tasks as they are now.
  const action = useAction(reload);

  const record = async (app: Application) => {
    const step = app.proxy?.nextStep;
    if (!step) return;
    const next = await action.run(() => recordProxyStep(app.id, step, app.version), {
      done: `已记录${PROXY_STEP_LABELS[step]}：${app.caseNumber}`,
      errorTo: 'page',
    });
    if (next) setItems((l) => l.map((a) => (a.id === next.id ? next : a)));
  };

  if (error || !list) {
    return <Page className='cases'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }
  const open = list.filter((a) => a.proxy?.nextStep).length;
  return (
    <Page className='cases'>
      <ActionResult msg={action.msg} />
      {list.length === 0 ? (
        <Empty text='暂无代办任务' />
      ) : (
        <Text className='case-summary'>
          共{list.length}件，待办{open}件 · 代办全程免费
        </Text>
      )}
      {list.map((a) => {
        const steps = a.proxy?.steps ?? [];
        const last = steps[steps.length - 1];
        const next = a.proxy?.nextStep ?? null;
        return (
          <CaseRow key={a.id} app={a}>
            <View className='case-task'>
              {a.applicant.phone ? (
                <View className='case-task__who'>
                  <Text className='case-card__line'>申请人电话</Text>
                  <Phone phone={a.applicant.phone} who='申请人' />
                </View>
              ) : null}
              <Text className='case-task__steps'>
                {steps.length > 0 ? `已完成：${steps.map((s) => PROXY_STEP_LABELS[s.step]).join(' → ')}` : '尚未开始'}
                {last ? `（${formatInstant(last.at)}）` : ''}
              </Text>
              {next ? (
                <Btn className='btn btn--primary btn--small' disabled={action.busy} onClick={() => void record(a)}>
                  {proxyStepButton(next)}
                </Btn>
              ) : (
                <Text className='case-ok'>代办已完成</Text>
              )}
            </View>
          </CaseRow>
        );
      })}
      <LoadMore more={more} />
    </Page>
  );
}
