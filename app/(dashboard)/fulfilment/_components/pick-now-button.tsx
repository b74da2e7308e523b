"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { createWaveAction } from "../actions";

/** Starts a single-order pick at one warehouse and opens the scan-to-pick screen. */
export function PickNowButton({ orderId, warehouse, label }: { orderId: string; warehouse: string; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        size="sm"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await createWaveAction({ warehouse, kind: "single", orderIds: [orderId], maxOrders: 1, maxLines: 1000 });
            if (r.ok) router.push(`/fulfilment/pick/${r.data.number}`);
            else setError(r.message);
          })
        }
      >
        {label}
      </Button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
