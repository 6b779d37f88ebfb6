// One merchant action as a Remix fetcher form: the FO id, the page's expectedUpdatedAt and a
// fresh idempotency key ride along as hidden fields; the answer (ActionResult) is shown here —
// field errors next to their fields, the rest in a Banner, a stale page as a warning with
// Reload — and a success is toasted through App Bridge, then the page's data revalidates.
import { useFetcher, useRevalidator } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { Banner, BlockStack, Button, InlineStack, Text } from "@shopify/polaris";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import type { ActionIntent, ActionResult } from "~/fulfillment/actions/contract";
import { en } from "~/i18n/en";

const t = en.actions;

export interface ActionFormContext {
  fulfillmentOrderId: string;
  expectedUpdatedAt: string;
  /** Where the form posts; the current route when omitted. */
  action?: string;
}

/** A new key per form render: the same render submitted twice is answered once. */
const newKey = () => crypto.randomUUID();

/** What a form's action answers: a success with a message to toast, or a refusal to show. */
type FormAnswer = { ok: true; message: string } | Extract<ActionResult, { ok: false }>;

/**
 * A fetcher with an idempotency key per answer: the same render submitted twice is answered
 * once. A success is toasted through App Bridge (then `onSuccess`), and the page revalidates.
 */
export function useIdempotentFetcher<R extends FormAnswer>(onSuccess?: (answer: R) => void) {
  const fetcher = useFetcher<R>();
  const shopify = useAppBridge();
  const { revalidate } = useRevalidator();
  // Minted after hydration: a key rendered on the server would not match the browser's.
  const [idempotencyKey, setIdempotencyKey] = useState("");
  useEffect(() => setIdempotencyKey(newKey()), []);
  const succeeded = useRef(onSuccess);
  succeeded.current = onSuccess;

  const answered = useRef<unknown>(undefined);
  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data || answered.current === fetcher.data) return;
    answered.current = fetcher.data;
    // Each answer closes this render of the form: the next submission is a new request.
    setIdempotencyKey(newKey());
    const answer = fetcher.data as R;
    if (answer.ok) {
      shopify.toast.show(answer.message || t.done);
      succeeded.current?.(answer);
      revalidate();
    }
  }, [fetcher.state, fetcher.data, shopify, revalidate]);

  const result = fetcher.data as R | undefined;
  const errorFor = useCallback(
    (field: string) => {
      if (!result || result.ok || (result.kind !== "invalid" && result.kind !== "user-errors")) return undefined;
      const messages = result.errors.filter((e) => e.field === field).map((e) => e.message);
      return messages.length > 0 ? messages.join(" ") : undefined;
    },
    [result],
  );

  return {
    fetcher,
    idempotencyKey,
    ready: idempotencyKey !== "",
    submitting: fetcher.state !== "idle",
    result,
    errorFor,
  };
}

export function useActionForm(intent: ActionIntent, context: ActionFormContext) {
  return { ...useIdempotentFetcher<ActionResult>(), intent, context };
}

type ActionFormHandle = ReturnType<typeof useActionForm>;

/** The form element: hidden fields every action carries, the answer's banners, then the fields. */
export function ActionForm({
  form,
  fields = [],
  children,
}: {
  form: ActionFormHandle;
  /** The field names this form shows errors next to; other errors go to the Banner. */
  fields?: readonly string[];
  children: ReactNode;
}) {
  const { fetcher, intent, context, idempotencyKey, result } = form;
  return (
    <fetcher.Form method="post" action={context.action}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="fulfillmentOrderId" value={context.fulfillmentOrderId} />
      <input type="hidden" name="expectedUpdatedAt" value={context.expectedUpdatedAt} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <BlockStack gap="300">
        <ActionResultBanners result={result} fields={fields} />
        {children}
      </BlockStack>
    </fetcher.Form>
  );
}

/** A stale page, and errors that belong to no field of this form. */
export function ActionResultBanners({ result, fields }: { result: FormAnswer | undefined; fields: readonly string[] }) {
  const { revalidate, state } = useRevalidator();
  if (!result || result.ok) return null;
  if (result.kind === "stale") {
    return (
      <Banner tone="warning" title={t.stale.title}>
        <BlockStack gap="200">
          <Text as="p">{t.stale.body}</Text>
          <InlineStack>
            <Button onClick={revalidate} loading={state === "loading"}>
              {t.stale.reload}
            </Button>
          </InlineStack>
        </BlockStack>
      </Banner>
    );
  }
  if (result.kind === "unavailable") {
    return (
      <Banner tone="critical" title={t.formErrorTitle}>
        <Text as="p">{result.message}</Text>
      </Banner>
    );
  }
  const general = result.errors.filter((e) => e.field === null || !fields.includes(e.field));
  if (general.length === 0) return null;
  return (
    <Banner tone="critical" title={t.formErrorTitle}>
      <BlockStack gap="100">
        {general.map((error, index) => (
          <Text as="p" key={`${error.field ?? ""}-${index}`}>
            {error.message}
          </Text>
        ))}
      </BlockStack>
    </Banner>
  );
}
