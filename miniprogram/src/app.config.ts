// Main package = the three tab pages; everything else in subpackages.
const isH5 = process.env.TARO_ENV === 'h5';

const subPackages = [
  { root: 'packages/service', pages: ['detail'] },
  { root: 'packages/profile', pages: ['edit', 'contacts', 'privacy', 'data'] },
  { root: 'packages/booking', pages: ['places', 'slots', 'confirm', 'mine', 'detail', 'reception'] },
  { root: 'packages/apply', pages: ['index', 'mine', 'detail', 'supplement'] },
  { root: 'packages/rating', pages: ['rate', 'mine', 'public'] },
  { root: 'packages/demand', pages: ['new', 'mine', 'detail'] },
  { root: 'packages/notice', pages: ['index', 'detail'] },
  { root: 'packages/commitments', pages: ['index'] },
  // The demo-resident picker replaces wx.login in the browser build only.
  ...(isH5 ? [{ root: 'packages/login', pages: ['index'] }] : []),
  { root: 'workbench', pages: ['index/index', 'login/index', 'day/index', 'queue/index', 'case/index', 'proxy/index', 'overdue/index', 'tickets/index', 'ticket/index', 'satisfaction/index', 'demands/index', 'demand/index', 'intake/index', 'notices/index', 'notice/index', 'report/index', 'accountability/index', 'push-failures/index', 'commitments/index', 'commitments/card', 'commitments/new', 'households/index', 'household/index', 'household/edit', 'coverage/index', 'posts/index', 'receptions/index'] },
];

export default defineAppConfig({
  pages: ['pages/index/index', 'pages/services/index', 'pages/mine/index'],
  subPackages,
  window: {
    navigationBarBackgroundColor: '#0958d9',
    navigationBarTextStyle: 'white',
    navigationBarTitleText: '办事',
    // H5: Taro's own title bar with back / home on every page (WeChat draws its own).
    navigationStyle: 'default',
    backgroundColor: '#f4f6fa',
    backgroundTextStyle: 'light',
  },
  tabBar: {
    color: '#4e5561',
    selectedColor: '#0958d9',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/services/index', text: '办事', iconPath: 'assets/tab/services.png', selectedIconPath: 'assets/tab/services-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
});
