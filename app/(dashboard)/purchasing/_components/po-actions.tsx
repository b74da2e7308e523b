"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions";
import { cancelPurchaseOrderAction, closePurchaseOrderAction, sendPurchaseOrderAction } from "../actions";

type Act = { label: string; done: string; run: "send" | "cancel" | "close"; variant?: "primary" | "secondary" | "danger"; confirm?: string };
const RUN = { send: sendPurchaseOrderAction, cancel: cancelPurchaseOrderAction, close: closePurchaseOrderAction } as const;

/** The purchase-order commands the status and role allow; the server checks both again. */
export function PoActions({ poId, actions }: { poId: string; actions: Act[] }) {
  const toast = useToast();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-2">
      {actions.map((a) => (
        <Button
          key={a.run}
          variant={a.variant ?? "secondary"}
          disabled={pending}
          onClick={() => {
            if (a.confirm && !window.confirm(a.confirm)) return;
            start(async () => {
              const r = (await RUN[a.run]({ poId })) as ActionResult<unknown>;
              if (r.ok) {
                setError(null);
                toast(a.done);
                router.refresh();
              } else setError(r.message);
            });
          }}
        >
          {a.label}
        </Button>
      ))}
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
