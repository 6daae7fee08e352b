export default definePageConfig({ navigationBarTitleText: '承诺卡详情' });
