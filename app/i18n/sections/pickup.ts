// UI strings for the pickup screens (part of app/i18n/en.ts).
export const pickup = {} as const;
