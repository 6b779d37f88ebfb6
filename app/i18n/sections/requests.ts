// What the app answers to a submission it cannot read (part of app/i18n/en.ts). Only a client
// other than the app's own screens sends these, so they speak to whoever wrote that client.
export const requests = {
  notAForm: "Send this as a form (application/x-www-form-urlencoded or multipart/form-data).",
  unreadableForm: "The form could not be read.",
  fieldNameRefused: (name: string) => `The field name "${name}" is not accepted.`,
  /** A screen action whose idempotency key is still being answered, or was used for another action. */
  stillRunning: "This was already submitted and is still being processed. Reload the page to see where it stands.",
  keyReused: "This submission key was already used for another action. Reload the page and try again.",
} as const;
