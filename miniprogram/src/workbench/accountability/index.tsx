// 投诉核查与问责: the open 投诉 to investigate (supervisor), complaints under
// investigation (the named person states their
// case once; the supervisor decides with finding and evidence), each person's
// ladder over two years with the actions owed (recorded as done), and the
// departments' apologies until recorded (red when overdue).
import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { COMPLAINT_STATUS_LABELS, type Apology, type ComplaintCase, type LadderPerson } from '../../../../shared/schemas/accountability';
import { errorMessage } from '../../api/errors';
import { decideComplaint, getAccountability, listComplaints, recordApology, recordLadderAction, stateCase } from '../../api/reports';
import { Btn } from '../../components/Btn';
import { Page } from '../../components/Page';
import { ErrorState, Loading } from '../../components/States';
import { role } from '../../utils/a11y';
import { useLoad } from '../../utils/useLoad';
import { usePaged } from '../../utils/usePaged';
import { LoadMore } from '../../components/LoadMore';
import { getStaffMe } from '../../api/staff';
import { listStaffDemands } from '../../api/staff-demands';
import { OpenInvestigations } from './open';
import { LADDER_ROUTE, mayUse, oversees } from '../access';
import '../cases.scss';

const ACTION_LABELS: Record<LadderPerson['owed'][number]['action'], string> = {
  admonish: '约谈', find_incompetent: '认定不胜任', training: '培训', transfer: '调整岗位', warning: '警告', sanction: '从重处理', propose_dismissal: '建议辞退',
};
const APOLOGY_LABELS: Record<Apology['kind'], string> = { private: '向投诉人当面致歉', public: '公开致歉' };

function useAct(reload: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (f: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
      reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

function ComplaintRow({ c, reload }: { c: ComplaintCase; reload: () => void }) {
  const [text, setText] = useState('');
  const [evidence, setEvidence] = useState('');
  const { busy, error, run } = useAct(reload);
  return (
    <View className='dash-row' data-complaint={c.id}>
      <Text className='dash-row__name'>诉求 {c.demandNumber} · {c.staff.name}{c.department ? `（${c.department.name}）` : ''}</Text>
      <Text className='dash-row__line' data-status={c.status}>{COMPLAINT_STATUS_LABELS[c.status]}{c.ladderStep ? ` · 问责第${c.ladderStep}级` : ''}</Text>
      {c.statement ? <Text className='dash-row__line'>本人陈述：{c.statement.text}</Text> : null}
      {c.finding ? <Text className='dash-row__line'>核查结论：{c.finding}{c.evidence.length ? `（证据：${c.evidence.join('、')}）` : ''}</Text> : null}
      {c.allowedActions.length ? (
        <>
          <Textarea className='ticket-textarea' value={text} maxlength={1000} aria-label={c.allowedActions.includes('decide') ? '核查结论' : '情况说明'}
            placeholder={c.allowedActions.includes('decide') ? '核查结论（至少5个字）' : '情况说明（只能陈述一次）'} onInput={(e) => setText(e.detail.value)} />
          {c.allowedActions.includes('decide') ? (
            <Textarea className='ticket-textarea' value={evidence} maxlength={500} aria-label='证据' placeholder='证据，每行一项' onInput={(e) => setEvidence(e.detail.value)} />
          ) : null}
          <View className='case-actions'>
            {c.allowedActions.includes('state_case') ? <Btn className='btn btn--small' disabled={busy} onClick={() => void run(() => stateCase(c.id, text, c.version))}>提交陈述</Btn> : null}
            {c.allowedActions.includes('decide') ? (
              <>
                <Btn className='btn btn--small btn--danger' disabled={busy}
                  onClick={() => void run(() => decideComplaint(c.id, { valid: true, finding: text, evidence: evidence.split('\n').map((s) => s.trim()).filter(Boolean), version: c.version }))}>查实有效</Btn>
                <Btn className='btn btn--small btn--ghost' disabled={busy}
                  onClick={() => void run(() => decideComplaint(c.id, { valid: false, finding: text, evidence: evidence.split('\n').map((s) => s.trim()).filter(Boolean), version: c.version }))}>查无实据</Btn>
              </>
            ) : null}
          </View>
        </>
      ) : null}
      {error ? <Text className='form-error' {...role('alert')}>{error}</Text> : null}
    </View>
  );
}

function PersonRow({ p, reload, canRecord }: { p: LadderPerson; reload: () => void; canRecord: boolean }) {
  const { busy, error, run } = useAct(reload);
  return (
    <View className='dash-row' data-person={p.username}>
      <Text className='dash-row__name'>{p.name}{p.department ? `（${p.department.name}）` : ''}</Text>
      <Text className='dash-row__line' data-step={p.step}>两年内查实有效投诉 {p.count} 件 · 第{p.step}级{p.stepLabel ? `：${p.stepLabel}` : ''}</Text>
      {p.owed.map((o) => (
        <View key={`${o.complaintId}-${o.action}`} className='case-actions'>
          <Text className='badge badge--red'>待{ACTION_LABELS[o.action]}</Text>
          {canRecord ? <Btn className='btn btn--small' disabled={busy} onClick={() => void run(() => recordLadderAction(p.username, { complaintId: o.complaintId, action: o.action }))}>记录已{ACTION_LABELS[o.action]}</Btn> : null}
        </View>
      ))}
      {p.owed.length === 0 ? <Text className='hint'>应作出的处理均已记录</Text> : null}
      {error ? <Text className='form-error' {...role('alert')}>{error}</Text> : null}
    </View>
  );
}

function ApologyRow({ a, reload }: { a: Apology; reload: () => void }) {
  const [note, setNote] = useState('');
  const { busy, error, run } = useAct(reload);
  return (
    <View className='dash-row' data-apology={a.id}>
      <Text className='dash-row__name'>{a.department.name} · {APOLOGY_LABELS[a.kind]}</Text>
      <Text className={a.overdue ? 'dash-row__line dash-row__rate--low' : 'dash-row__line'}>
        诉求 {a.demandNumber} · {a.doneAt ? `已致歉：${a.note ?? ''}` : `${a.dueOn ?? '待定'}前完成${a.overdue ? '（已超期）' : ''}`}
      </Text>
      {!a.doneAt ? (
        <>
          <Textarea className='ticket-textarea' value={note} maxlength={500} aria-label='致歉情况' placeholder='致歉情况' onInput={(e) => setNote(e.detail.value)} />
          <Btn className='btn btn--small' disabled={busy} onClick={() => void run(() => recordApology(a.id, note))}>记录已致歉</Btn>
        </>
      ) : null}
      {error ? <Text className='form-error' {...role('alert')}>{error}</Text> : null}
    </View>
  );
}

export default function AccountabilityPage() {
  // Investigations page with a cursor (load more on scroll); the ladder and the open 投诉 come with the first page.
  const complaints = usePaged((cursor) => listComplaints(cursor).then((r) => ({ items: r.complaints, nextCursor: r.nextCursor })), []);
  const { data: base, error: baseError, reload: reloadBase } = useLoad(async () => {
    const me = await getStaffMe();
    const mayLadder = mayUse(me.role, LADDER_ROUTE);
    const mayOpen = oversees(me.role);
    const [ladder, open] = await Promise.all([
      mayLadder ? getAccountability() : Promise.resolve(null), mayOpen ? listStaffDemands({ view: 'all' }) : Promise.resolve(null),
    ]);
    return { me, ladder, open: mayOpen ? (open?.demands ?? []).filter((d) => d.type === 'complaint') : null };
  }, []);
  const reload = () => {
    complaints.reload();
    reloadBase();
  };
  const error = baseError ?? complaints.error;
  if (error) return <Page className='cases'><ErrorState message={error} onRetry={reload} /></Page>;
  if (!base || !complaints.items) return <Page className='cases'><Loading /></Page>;
  const investigated = new Set(complaints.items.map((c) => c.demandId));
  const data = { ...base, complaints: complaints.items, toOpen: base.open && base.open.filter((d) => !investigated.has(d.id)) };
  const canRecord = oversees(data.me.role);
  return (
    <Page className='cases'>
      {data.toOpen ? <OpenInvestigations demands={data.toOpen} onOpened={reload} /> : null}
      <View className='card'>
        <Text className='card__title'>投诉核查</Text>
        {data.complaints.length === 0 ? <Text className='hint'>暂无投诉核查</Text> : null}
        {data.complaints.map((c) => <ComplaintRow key={c.id} c={c} reload={reload} />)}
        <LoadMore more={complaints.more} />
      </View>
      {data.ladder ? (
        <>
          <View className='card'>
            <Text className='card__title'>问责阶梯（两年内）</Text>
            <Text className='hint'>1件约谈；2件认定不胜任并培训；3件调岗并警告；4件从重处理；5件建议辞退</Text>
            {data.ladder.people.length === 0 ? <Text className='hint'>暂无</Text> : null}
            {data.ladder.people.map((p) => <PersonRow key={p.username} p={p} reload={reload} canRecord={canRecord} />)}
          </View>
          <View className='card'>
            <Text className='card__title'>部门致歉</Text>
            <Text className='hint'>年度第1件查实有效投诉：负责人向投诉人致歉；第2件：公开致歉；5个工作日内完成</Text>
            {data.ladder.apologies.length === 0 ? <Text className='hint'>暂无</Text> : null}
            {data.ladder.apologies.map((a) => <ApologyRow key={a.id} a={a} reload={reload} />)}
          </View>
        </>
      ) : null}
    </Page>
  );
}
