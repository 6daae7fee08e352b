export default definePageConfig({ navigationBarTitleText: '承诺公示' });
