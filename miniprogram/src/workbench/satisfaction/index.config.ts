export default definePageConfig({ navigationBarTitleText: '满意度看板' });
