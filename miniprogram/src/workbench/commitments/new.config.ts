export default definePageConfig({ navigationBarTitleText: '发布承诺卡' });
