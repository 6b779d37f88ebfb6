// UI strings for the fulfillment-order screens (part of app/i18n/en.ts).
export const fulfillmentOrder = {} as const;
