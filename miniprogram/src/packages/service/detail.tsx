// 事项详情: every field of a catalogue item, the materials list as the
// one-time notice (一次性告知), time limits, fee, visits, channels and stats.
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, type ReactNode } from 'react';
import {
  HANDLING_LEVEL_LABELS,
  ITEM_TYPE_LABELS,
  MATERIAL_FORMAT_LABELS,
  SERVICE_CATEGORY_LABELS,
} from '../../../../shared/enums';
import type { Material } from '../../../../shared/schemas/catalog';
import { ageWarning } from '../../../../shared/age';
import { getService } from '../../api/catalog';
import { getMe } from '../../api/me';
import { getToken } from '../../api/session';
import { useAppState } from '../../store/app';
import { Page } from '../../components/Page';
import { ErrorState, Loading } from '../../components/States';
import { formatDays, formatFee, formatRate, formatVisits, shanghaiDate } from '../../utils/format';
import { useLoad } from '../../utils/useLoad';
import './detail.scss';
import { Btn } from '../../components/Btn';
import { role } from '../../utils/a11y';

const go = (url: string) => void Taro.navigateTo({ url });

function Row({ k, children }: { k: string; children: ReactNode }) {
  return (
    <View className='kv'>
      <Text className='kv__k'>{k}</Text>
      <View className='kv__v'>{children}</View>
    </View>
  );
}

function Supported({ on, yes, no }: { on: boolean; yes: string; no: string }) {
  return <Text className={on ? 'detail__yes' : 'detail__no'}>{on ? `✓ ${yes}` : no}</Text>;
}

function MaterialItem({ m, n }: { m: Material; n: number }) {
  return (
    <View className='material'>
      <View className='material__head'>
        <Text className='material__no'>{n}</Text>
        <Text className='material__name'>{m.name}</Text>
        <Text className={m.required ? 'badge badge--red' : 'badge badge--gray'}>{m.required ? '必须' : '非必须'}</Text>
      </View>
      <Text className='material__spec'>
        {MATERIAL_FORMAT_LABELS[m.format]}
        {m.copies > 0 ? ` · ${m.copies}份` : ''}
      </Text>
      {m.notes ? <Text className='material__notes'>说明：{m.notes}</Text> : null}
      {m.sample ? <Text className='material__notes'>样例：{m.sample}</Text> : null}
    </View>
  );
}

/** The resident's birth date from GET /me, only when signed in (no sign-in prompt on a guide page). */
function useBirthDate(): string | null {
  const me = useAppState((s) => s.me);
  const signedIn = !!getToken('resident');
  useEffect(() => {
    if (signedIn && !me) getMe().catch(() => undefined);
  }, [signedIn, me]);
  return signedIn ? me?.birthDate ?? null : null;
}

export default function ServiceDetail() {
  const { params } = useRouter();
  const code = decodeURIComponent(params.code ?? '');
  const { data: item, error, reload } = useLoad(() => getService(code), [code], { invalid: !code && '缺少事项编码', keep: code ? `service:${code}` : undefined });
  const birthDate = useBirthDate();

  if (error || !item) {
    return <Page className='detail'>{error ? <ErrorState message={error} onRetry={reload} /> : <Loading />}</Page>;
  }

  const required = item.materials.filter((m) => m.required).length;
  const { stats } = item;
  const hasStats = stats.concluded > 0 && (stats.onTimeRate !== null || stats.medianDays !== null);
  // A warning, never a block: the birth date on file may be wrong, and a window clerk decides.
  const ageHint = ageWarning(birthDate, shanghaiDate(new Date().toISOString()), item);

  return (
    <Page className='detail'>
      <View className='card detail__head'>
        <Text className='detail__name'>{item.name}</Text>
        <View className='detail__tags'>
          <Text className={item.type === 'instant' ? 'badge badge--green' : 'badge badge--blue'}>{ITEM_TYPE_LABELS[item.type]}</Text>
          <Text className='badge badge--gray'>{SERVICE_CATEGORY_LABELS[item.category]}</Text>
          {item.proxy ? <Text className='badge badge--orange'>可代办</Text> : null}
        </View>
        <Row k='事项编码'>
          <Text>{item.code}</Text>
        </Row>
        <Row k='实施部门'>
          <Text>{item.departmentName}</Text>
        </Row>
        <Row k='办理层级'>
          <Text>{HANDLING_LEVEL_LABELS[item.handlingLevel]}即可办理</Text>
        </Row>
        <Row k='服务对象'>
          <Text>{item.serves}</Text>
        </Row>
        {ageHint ? (
          <Text className='notice detail__age' {...role('status')}>
            {ageHint}；如有疑问可先咨询窗口，仍可预约或申请。
          </Text>
        ) : null}
      </View>

      <View className='card'>
        <Text className='card__title'>办理时限</Text>
        <Row k='办件类型'>
          <Text>
            {ITEM_TYPE_LABELS[item.type]}
            {item.type === 'instant' ? '（材料齐全当场办结）' : '（按承诺时限办结）'}
          </Text>
        </Row>
        <Row k='法定时限'>
          <Text>{formatDays(item.statutoryDays)}</Text>
        </Row>
        <Row k='承诺时限'>
          <Text>{formatDays(item.promisedDays)}</Text>
        </Row>
        <Row k='跑动次数'>
          <Text>{formatVisits(item.visits)}</Text>
        </Row>
        <Row k='收费标准'>
          <Text>{formatFee(item.feeYuan)}</Text>
          {item.feeNote ? <Text className='hint'>{item.feeNote}</Text> : null}
        </Row>
      </View>

      <View className='card'>
        <Text className='card__title'>一次性告知 · 所需材料</Text>
        <Text className='hint detail__materials-hint'>
          {item.materials.length > 0
            ? `共 ${item.materials.length} 项，其中必须提交 ${required} 项。请一次备齐，窗口不会再要求清单以外的材料。`
            : '本事项无需提交材料。'}
        </Text>
        {item.materials.map((m, i) => (
          <MaterialItem key={`${i}-${m.name}`} m={m} n={i + 1} />
        ))}
      </View>

      <View className='card'>
        <Text className='card__title'>办理方式</Text>
        <Row k='预约办理'>
          <Supported on={item.appointment} yes='支持预约' no='无需预约，直接到窗口' />
        </Row>
        <Row k='网上申请'>
          <Supported on={item.online} yes='支持网上申请' no='暂不支持网上申请' />
        </Row>
        <Row k='全程代办'>
          <Supported on={item.proxy} yes='支持全程代办，免费' no='暂不支持代办' />
        </Row>
      </View>

      <View className='card'>
        <Text className='card__title'>办理情况</Text>
        {hasStats ? (
          <>
            <Row k='按时办结率'>
              <Text>{stats.onTimeRate !== null ? formatRate(stats.onTimeRate) : '—'}</Text>
            </Row>
            <Row k='用时中位数'>
              <Text>{stats.medianDays !== null ? `${stats.medianDays}个工作日` : '—'}</Text>
            </Row>
            <Text className='hint'>根据已办结的 {stats.concluded} 件统计</Text>
          </>
        ) : (
          <Text className='hint'>暂无办结数据</Text>
        )}
      </View>

      <View className='card'>
        <Text className='card__title'>事项说明</Text>
        <Text className='detail__text'>{item.description || '暂无说明'}</Text>
        {item.basis ? (
          <>
            <Text className='card__title detail__basis-title'>设定依据</Text>
            <Text className='detail__text'>{item.basis}</Text>
          </>
        ) : null}
        <Text className='hint detail__updated'>信息更新：{shanghaiDate(item.updatedAt)}</Text>
      </View>

      {/* The actions stay on screen however far down the guide is read (elder mode makes it long). */}
      <View className='detail-actions' {...role('group')} aria-label='办理入口'>
        {item.appointment ? (
          <Btn className='btn btn--primary' onClick={() => go(`/packages/booking/places?code=${encodeURIComponent(item.code)}`)}>
            预约办理
          </Btn>
        ) : null}
        {item.online ? (
          <Btn
            className={item.appointment ? 'btn btn--ghost' : 'btn btn--primary'}
            onClick={() => go(`/packages/apply/index?code=${encodeURIComponent(item.code)}`)}
          >
            在线申请
          </Btn>
        ) : null}
        {item.proxy ? (
          <Btn className='btn btn--ghost' onClick={() => go('/packages/profile/contacts?section=cadre')}>
            请人代办
          </Btn>
        ) : null}
        <Btn className='btn btn--ghost' onClick={() => go('/packages/demand/new')}>
          我要反映
        </Btn>
      </View>
    </Page>
  );
}
