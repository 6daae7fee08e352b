// The per-component H5 builds have no type declarations of their own.
declare module '@tarojs/components-react/dist/components/*';
