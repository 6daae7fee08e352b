export default definePageConfig({ navigationBarTitleText: '超期督办' });
