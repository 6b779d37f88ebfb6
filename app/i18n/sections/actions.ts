// UI strings for the actions screens (part of app/i18n/en.ts).
export const actions = {} as const;
