// 选择办理地点: where an item can be booked, nearest to the resident first
// (本村 → 本镇 → 县直部门本镇坐班 → 县城), from GET /services/{code}/places.
import { Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { NEARNESS, type Place } from '../../../../shared/schemas/appointments';
import { listPlaces } from '../../api/booking';
import { getService } from '../../api/catalog';
import { getMe } from '../../api/me';
import { getToken } from '../../api/session';
import { Page } from '../../components/Page';
import { Empty, ErrorState, Loading } from '../../components/States';
import { getState } from '../../store/app';
import { useLoad } from '../../utils/useLoad';
import { PlaceCard } from './parts';
import './booking.scss';

/**
 * Where the resident lives in the county: the current region, else (a migrant
 * worker living outside it) the hometown, whose town is theirs; from the
 * store, else GET /me (silent sign-in in WeChat only).
 */
async function residentRegion(): Promise<string | null> {
  const known = getState().me;
  if (known) return known.currentRegionCode ?? known.hometownRegionCode;
  if (!getToken('resident') && process.env.TARO_ENV === 'h5') return null;
  try {
    const me = await getMe();
    return me.currentRegionCode ?? me.hometownRegionCode;
  } catch {
    return null; // not signed in: the county-wide order still helps
  }
}

/** Nearest first (the server's order; kept stable within a nearness). */
function nearestFirst(places: Place[]): Place[] {
  const rank = (p: Place) => NEARNESS.indexOf(p.nearness);
  return places.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i).map((x) => x.p);
}

export default function Places() {
  const { params } = useRouter();
  const code = decodeURIComponent(params.code ?? '');
  const [itemName, setItemName] = useState('');
  const { data, error, reload } = useLoad(
    async () => {
      getService(code).then(
        (item) => setItemName(item.name),
        () => undefined, // the name is a nicety
      );
      const region = await residentRegion();
      const res = await listPlaces(code, region);
      return { places: nearestFirst(res.places), byRegion: Boolean(region) };
    },
    [code],
    // Personal: the order comes from where the resident lives.
    { invalid: !code && '缺少事项编码', keep: `places:${code}`, personal: true },
  );

  const open = (p: Place) =>
    void Taro.navigateTo({ url: `/packages/booking/slots?code=${encodeURIComponent(code)}&placeId=${encodeURIComponent(p.id)}` });

  return (
    <Page className='booking'>
      {itemName ? <Text className='booking__item'>预约办理：{itemName}</Text> : null}
      {error ? (
        <ErrorState message={error} onRetry={reload} />
      ) : !data ? (
        <Loading />
      ) : data.places.length === 0 ? (
        <Empty text='该事项暂无可预约的办理地点' />
      ) : (
        <>
          <Text className='hint booking__hint'>
            {data.byRegion ? '按离您现居住地由近及远排列' : '登录并填写现居住地后，将按离您最近的地点排列'}
          </Text>
          {data.places.map((p) => (
            <PlaceCard key={p.id} place={p} onClick={() => open(p)} />
          ))}
        </>
      )}
    </Page>
  );
}
