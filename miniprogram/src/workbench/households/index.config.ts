export default definePageConfig({ navigationBarTitleText: '我的包联户' });
