// UI strings for the queue screens (part of app/i18n/en.ts).
export const queue = {} as const;
