"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { retryOutboxAction } from "../actions";

export function RetryButton({ id, label, done }: { id: string; label: string; done: string }) {
  const toast = useToast();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      size="sm"
      variant="secondary"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const r = await retryOutboxAction({ id });
          toast(r.ok ? done : r.message, r.ok ? undefined : "error");
          router.refresh();
        })
      }
    >
      {label}
    </Button>
  );
}
