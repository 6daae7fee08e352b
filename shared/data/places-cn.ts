// Where residents work outside the county: a small standard list of
// provinces and the cities migrant workers from the county mostly go to,
// with their GB/T 2260 codes. A place is chosen from this list, never typed.

export interface Province {
  code: string;
  name: string;
  cities: { code: string; name: string }[];
}

export const PROVINCES: readonly Province[] = [
  { code: '110000', name: '北京市', cities: [{ code: '110100', name: '北京市' }] },
  { code: '310000', name: '上海市', cities: [{ code: '310100', name: '上海市' }] },
  { code: '500000', name: '重庆市', cities: [{ code: '500100', name: '重庆市' }] },
  { code: '120000', name: '天津市', cities: [{ code: '120100', name: '天津市' }] },
  {
    code: '440000', name: '广东省',
    cities: [
      { code: '440100', name: '广州市' }, { code: '440300', name: '深圳市' }, { code: '441900', name: '东莞市' },
      { code: '440600', name: '佛山市' }, { code: '442000', name: '中山市' }, { code: '441300', name: '惠州市' },
      { code: '440400', name: '珠海市' }, { code: '440700', name: '江门市' },
    ],
  },
  {
    code: '330000', name: '浙江省',
    cities: [
      { code: '330100', name: '杭州市' }, { code: '330200', name: '宁波市' }, { code: '330300', name: '温州市' },
      { code: '330700', name: '金华市' }, { code: '330400', name: '嘉兴市' }, { code: '330600', name: '绍兴市' },
    ],
  },
  {
    code: '320000', name: '江苏省',
    cities: [{ code: '320100', name: '南京市' }, { code: '320500', name: '苏州市' }, { code: '320200', name: '无锡市' }, { code: '320400', name: '常州市' }],
  },
  { code: '350000', name: '福建省', cities: [{ code: '350100', name: '福州市' }, { code: '350200', name: '厦门市' }, { code: '350500', name: '泉州市' }] },
  {
    code: '510000', name: '四川省',
    cities: [{ code: '510100', name: '成都市' }, { code: '510700', name: '绵阳市' }, { code: '511300', name: '南充市' }, { code: '510600', name: '德阳市' }],
  },
  { code: '420000', name: '湖北省', cities: [{ code: '420100', name: '武汉市' }] },
  { code: '610000', name: '陕西省', cities: [{ code: '610100', name: '西安市' }] },
  { code: '370000', name: '山东省', cities: [{ code: '370200', name: '青岛市' }, { code: '370100', name: '济南市' }] },
  { code: '650000', name: '新疆维吾尔自治区', cities: [{ code: '650100', name: '乌鲁木齐市' }] },
];

/** The province and city of a city code, or undefined when it is not on the list. */
export function placeOf(cityCode: string): { province: Province; city: { code: string; name: string } } | undefined {
  for (const province of PROVINCES) {
    const city = province.cities.find((c) => c.code === cityCode);
    if (city) return { province, city };
  }
  return undefined;
}

/** 广东省 东莞市 (a municipality is named once: 上海市). */
export function placeName(cityCode: string): string | null {
  const p = placeOf(cityCode);
  if (!p) return null;
  return p.province.name === p.city.name ? p.city.name : `${p.province.name} ${p.city.name}`;
}
