// Must run before any schema is created: zod captures `jitless` when an object
// schema is defined, and WeChat forbids `new Function`. Imported first by
// app.ts (and by the component tests' setup).
import * as z from 'zod/mini';
import { zhCN } from 'zod/locales';

z.config({ jitless: true });
z.config(zhCN());
