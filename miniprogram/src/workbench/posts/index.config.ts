export default definePageConfig({ navigationBarTitleText: 'AB岗' });
