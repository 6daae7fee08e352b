export * from './enums';
export * from './schemas/common';
export * from './schemas/regions';
export * from './schemas/catalog';
export * from './schemas/auth';
export * from './schemas/contacts';
export * from './schemas/calendar';
export * from './schemas/appointments';
