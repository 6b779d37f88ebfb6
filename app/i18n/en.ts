// Every string the screens show, in one place, ready for translation. Larger screens keep
// their strings in sections/ (one file each), assembled here.
import { actionMessages } from "./sections/action-messages";
import { actionReasons } from "./sections/action-reasons";
import { actions } from "./sections/actions";
import { automation } from "./sections/automation";
import { automationDryRun } from "./sections/automation-dry-run";
import { automationRules } from "./sections/automation-rules";
import { fulfillmentOrder } from "./sections/fulfillment-order";
import { pickup } from "./sections/pickup";
import { postPurchaseApi } from "./sections/post-purchase-api";
import { rejections } from "./sections/rejections";
import { requests } from "./sections/requests";
import { worklist } from "./sections/worklist";
import { staleOrders } from "./sections/stale-orders";
import { upsell } from "./sections/upsell";

export const en = {
  worklist,
  fulfillmentOrder,
  pickup,
  actions,
  actionReasons,
  actionMessages,
  staleOrders,
  automation,
  requests,
  automationRules,
  rejections,
  automationDryRun,
  postPurchaseApi,
  upsell,
  appName: "Fulfillment Desk",
  nav: {
    home: "Home",
    reconciliation: "Sync health",
    jobs: "Background jobs",
  },
  reconciliation: {
    title: "Sync health",
    subtitle: "How closely the app's records match Shopify, and the webhooks that keep them current.",
    reconcileNow: "Run sync now",
    backfill: "Backfill last 60 days",
    toast: {
      reconcileQueued: "Sync queued",
      reconcileAlreadyRunning: "A sync is already queued or running",
      backfillQueued: "Backfill queued",
      backfillAlreadyRunning: "A backfill is already queued or running",
      invalid: "That action isn't available",
    },
    active: {
      queued: "queued",
      running: "running",
      sweep: "Sync",
      backfill: "Backfill",
      body: "This page updates by itself when it finishes.",
    },
    unaccountedTitle: "Some changes in Shopify could not be accounted for",
    unaccountedBody: (runs: number) =>
      `${runs === 1 ? "1 recent sync" : `${runs} recent syncs`} found Shopify changes the app could not match or repair. ` +
      "Run a sync again; if the number stays above 0, contact support.",
    watermarkHeading: "Shopify changes",
    watermark: (at: string) => `Shopify changes checked up to ${at}`,
    noWatermark: "Shopify changes have not been checked yet.",
    inboxHeading: "Webhook inbox, last 24 hours",
    inboxStatus: {
      received: "Received",
      processed: "Processed",
      ignored: "Ignored",
      failed: "Failed",
    },
    inboxFailedLink: "See failed deliveries",
    runsHeading: "Recent syncs",
    emptyHeading: "No syncs yet",
    emptyBody: "Run a sync now to check every recent change in Shopify against the app's records.",
    resourceName: { singular: "sync", plural: "syncs" },
    columns: {
      trigger: "Trigger",
      started: "Started",
      duration: "Duration",
      objectsSeen: "Changed objects seen",
      alreadyCorrect: "Already correct via webhooks",
      repaired: "Repaired",
      deferred: "Left to a queued read",
      unaccounted: "Unaccounted",
      apiCalls: "API calls",
      throttledRetries: "Throttled retries",
      status: "Status",
    },
    trigger: {
      scheduled: "Scheduled",
      manual: "Manual",
      install: "Install",
      backfill: "Backfill",
    },
    status: {
      running: "Running",
      succeeded: "Succeeded",
      failed: "Failed",
    },
    inProgress: "In progress",
  },
  jobs: {
    title: "Background jobs",
    subtitle: "Work the app does behind the scenes: syncs and webhook processing.",
    countsHeading: "Jobs by status",
    status: {
      queued: "Queued",
      running: "Running",
      succeeded: "Succeeded",
      dead: "Dead",
      cancelled: "Cancelled",
    },
    deadHeading: "Jobs that gave up",
    deadHelp: "These jobs failed on every attempt. Fix the cause, then retry them.",
    healthyHeading: "All background work is healthy",
    healthyBody: "No job has given up. Nothing needs your attention.",
    resourceName: { singular: "job", plural: "jobs" },
    columns: {
      type: "Type",
      attempts: "Attempts",
      lastError: "Last error",
      when: "When",
      action: "Action",
    },
    attempts: (attempts: number, max: number) => `${attempts} of ${max}`,
    noError: "No error recorded",
    retry: "Retry",
    types: {
      "reconcile.shop": "Sync with Shopify",
      "webhook.process": "Process webhook",
      "pickup.cancel-order": "Cancel and restock a pickup order",
    } as Record<string, string>,
    toast: {
      retried: "Job queued again",
      notFound: "That job no longer exists",
      notDead: "That job is not dead any more",
      alreadyActive: "The same work is already queued or running",
      invalid: "That action isn't available",
    },
    deliveriesHeading: "Failed webhook deliveries",
    deliveriesEmpty: "No webhook delivery has failed.",
    deliveryResourceName: { singular: "delivery", plural: "deliveries" },
    deliveryColumns: {
      topic: "Topic",
      received: "Received",
      error: "Error",
    },
  },
  landing: {
    heading: "Fulfillment Desk",
    tagline: "Move every paid order to shipped, without the stalls.",
    shopLabel: "Shop domain",
    shopHelp: "example.myshopify.com",
    submit: "Log in",
  },
} as const;
