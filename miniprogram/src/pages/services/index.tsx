// 办事: the catalogue with keyword search and category / level filters.
import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import {
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
  type RegionLevel,
  type ServiceCategory,
} from '../../../../shared/enums';
import type { ServicesQuery } from '../../../../shared/schemas/catalog';
import { listServices } from '../../api/catalog';
import { Chip } from '../../components/Chip';
import { role } from '../../utils/a11y';
import { Page } from '../../components/Page';
import { ServiceRow } from '../../components/ServiceRow';
import { Empty, ErrorState, Loading } from '../../components/States';
import { getState, setState } from '../../store/app';
import { useLoad } from '../../utils/useLoad';
import './index.scss';
import { Btn } from '../../components/Btn';

/** "Can be handled at this level or nearer to the resident." */
const LEVEL_OPTIONS: { value: RegionLevel; label: string }[] = [
  { value: 'town', label: '镇上能办' },
  { value: 'village', label: '村里能办' },
  { value: 'group', label: '组里能办' },
];

function takePending(): ServicesQuery | null {
  const pending = getState().pendingSearch;
  if (!pending) return null;
  setState({ pendingSearch: null });
  return { q: pending.q || undefined, category: pending.category, level: pending.level };
}

export default function Services() {
  const [filters, setFilters] = useState<ServicesQuery>(() => takePending() ?? {});
  const [text, setText] = useState(filters.q ?? '');
  // Every category and level without a keyword is kept for the next visit (a bounded set); searches are not.
  const keep = filters.q ? undefined : `catalog:${filters.category ?? ''}:${filters.level ?? ''}`;
  const { data, error, reload } = useLoad(() => listServices(filters).finally(() => Taro.stopPullDownRefresh?.()), [filters], { keep });

  // Coming back from the home tab with a search or a category.
  useDidShow(() => {
    const pending = takePending();
    if (pending) {
      setText(pending.q ?? '');
      setFilters(pending);
    }
  });

  usePullDownRefresh(reload);

  const search = () => setFilters((f) => ({ ...f, q: text.trim() || undefined }));
  const setCategory = (category: ServiceCategory | undefined) => setFilters((f) => ({ ...f, category }));
  const setLevel = (level: RegionLevel | undefined) => setFilters((f) => ({ ...f, level }));
  const hasFilters = Boolean(filters.q || filters.category || filters.level);

  return (
    <Page className='services'>
      <View className='search'>
        <Input
          className='search__input'
          value={text}
          placeholder='输入事项名称或关键词'
          confirmType='search'
          onInput={(e) => setText(e.detail.value)}
          onConfirm={search}
        />
        <Btn className='btn btn--primary' onClick={search}>
          搜索
        </Btn>
      </View>

      {/* Wrapped, not a sideways scroll: every category and the chosen one stay in sight. */}
      <View className='services__filter' {...role('group')} aria-label='事项分类'>
        <View className='services__filter-row services__categories'>
          <Chip on={!filters.category} onClick={() => setCategory(undefined)}>
            全部分类
          </Chip>
          {SERVICE_CATEGORIES.map((c) => (
            <Chip key={c} on={filters.category === c} onClick={() => setCategory(c)}>
              {SERVICE_CATEGORY_LABELS[c]}
            </Chip>
          ))}
        </View>
      </View>
      <View className='services__filter-row services__levels'>
        <Chip on={!filters.level} onClick={() => setLevel(undefined)}>
          不限地点
        </Chip>
        {LEVEL_OPTIONS.map((o) => (
          <Chip key={o.value} on={filters.level === o.value} onClick={() => setLevel(o.value)}>
            {o.label}
          </Chip>
        ))}
      </View>

      <View className='services__summary'>
        <Text className='muted'>{data && !error ? `共 ${data.total} 项` : ' '}</Text>
        {hasFilters ? (
          <Text
            className='services__clear'
            onClick={() => {
              setText('');
              setFilters({});
            }}
          >
            清除筛选
          </Text>
        ) : null}
      </View>

      {error ? (
        <ErrorState message={error} onRetry={reload} />
      ) : !data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <Empty text='没有找到相关事项，换个关键词试试' />
      ) : (
        <View className='services__list'>
          {data.items.map((item) => (
            <ServiceRow
              key={item.code}
              item={item}
              onClick={() => void Taro.navigateTo({ url: `/packages/service/detail?code=${encodeURIComponent(item.code)}` })}
            />
          ))}
        </View>
      )}
    </Page>
  );
}
