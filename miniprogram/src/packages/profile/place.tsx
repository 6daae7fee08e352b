// A city outside the county, from the standard list (province, then city):
// where a migrant worker lives now. Never free text.
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { PROVINCES, placeOf } from '../../../../shared/data/places-cn';
import { Chip } from '../../components/Chip';

export function OutsidePlacePicker({ value, onChange, error }: { value: string | null; onChange: (cityCode: string | null) => void; error?: string }) {
  const [province, setProvince] = useState<string | null>(value ? placeOf(value)?.province.code ?? null : null);
  const cities = PROVINCES.find((p) => p.code === province)?.cities ?? [];
  return (
    <View className='field'>
      <Text className='field__label'>所在省份</Text>
      <View className='chips'>
        {PROVINCES.map((p) => (
          <Chip
            key={p.code}
            on={p.code === province}
            onClick={() => {
              setProvince(p.code);
              // A municipality has one city: choose it at once.
              onChange(p.cities.length === 1 ? p.cities[0]!.code : null);
            }}
          >
            {p.name}
          </Chip>
        ))}
      </View>
      {cities.length > 1 ? (
        <>
          <Text className='field__label'>所在城市</Text>
          <View className='chips'>
            {cities.map((c) => (
              <Chip key={c.code} on={c.code === value} onClick={() => onChange(c.code)}>
                {c.name}
              </Chip>
            ))}
          </View>
        </>
      ) : null}
      {error ? <Text className='field__error'>{error}</Text> : null}
    </View>
  );
}
