// What the rules decide for one FO. Pure types shared by live automation, the dry run and the UI.

export interface RequestLine {
  /** FulfillmentOrderLineItem GID */
  id: string;
  quantity: number;
}

/** The rule that decided, as saved in a version. Null for the built-in defaults. */
export interface DecidingRule {
  id: string;
  name: string;
  version: number;
}

export type Decision =
  /** Request the whole FO now. */
  | { kind: "request"; rule: DecidingRule; message: string | null; reason: string }
  /** Request these lines now; the rest stays unsubmitted. */
  | { kind: "partial_request"; rule: DecidingRule | null; lines: RequestLine[]; message: string | null; reason: string }
  /** A rule's delay: evaluate again at `until`. */
  | { kind: "delay"; rule: DecidingRule; until: string; reason: string }
  /** Place our hold; `releaseAt` releases it again (our own hold only). */
  | {
      kind: "hold";
      rule: DecidingRule | null;
      holdReason: string;
      notes: string | null;
      releaseAt: string | null;
      reason: string;
    }
  /** Our hold-until time has come: release our own hold (never another app's). */
  | { kind: "release_hold"; rule: DecidingRule | null; holdIds: string[]; reason: string }
  /** Nothing to do, and why (no rule matched, pickup, not a 3PL, already requested…). */
  | { kind: "skip"; rule: DecidingRule | null; reason: string }
  /**
   * Not yet: the settle window (post-purchase hold, quiet period after an edit), payment, or
   * another hold. `until` is when to look again, if a time alone ends the wait; otherwise a
   * ledger change (the hold released, the order paid) triggers the next evaluation.
   */
  | { kind: "wait"; rule: DecidingRule | null; waitingFor: WaitReason; until: string | null; reason: string };

export type WaitReason = "post_purchase_offer" | "quiet_period" | "payment" | "hold" | "upsell_edit";

export type DecisionKind = Decision["kind"];
