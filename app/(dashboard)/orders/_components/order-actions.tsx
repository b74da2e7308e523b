"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions";
import { cancelOrderAction, cancelOrderLineAction, holdOrderAction, reallocateOrderAction, releaseOrderAction } from "../actions";

type Result = ActionResult<unknown>;

/**
 * A confirmation dialog around one order command. The server decides: a refusal (an illegal
 * transition, a change made meanwhile) is shown in the dialog and as a toast, never swallowed.
 */
function ConfirmDialog({
  id,
  trigger,
  title,
  description,
  submit,
  keep,
  danger,
  reason,
  done,
  run,
}: {
  id: string;
  trigger: ReactNode;
  title: string;
  description: string;
  submit: string;
  keep: string;
  danger?: boolean;
  reason?: { label: string; required: boolean };
  done: string;
  run: (reason: string) => Promise<Result>;
}) {
  const t = useTranslations("orders.actions");
  const tc = useTranslations("common");
  const toast = useToast();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [pending, start] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const value = String(new FormData(e.currentTarget).get("reason") ?? "").trim();
    start(async () => {
      const res = await run(value);
      if (res.ok) {
        setOpen(false);
        setError(null);
        setFieldError(undefined);
        toast(done);
        router.refresh();
      } else {
        setFieldError(res.fieldErrors?.reason);
        setError(res.message);
        if (!res.fieldErrors?.reason) toast(t("refused", { message: res.message }), "error");
      }
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) {
          setError(null);
          setFieldError(undefined);
        }
      }}
      title={title}
      description={description}
      trigger={trigger}
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {reason && (
          <Field id={`${id}-reason`} label={reason.label} error={fieldError}>
            <Input id={`${id}-reason`} name="reason" autoComplete="off" maxLength={300} required={reason.required} aria-invalid={Boolean(fieldError)} />
          </Field>
        )}
        {error && !fieldError && (
          <p className="rounded-md bg-red-50 p-3 text-sm text-red-700" role="alert">
            {error}
          </p>
        )}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>{keep}</Button>
          <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending}>{pending ? tc("loading") : submit}</Button>
        </div>
      </form>
    </Dialog>
  );
}

export type AllowedOrderActions = { hold: boolean; release: boolean; cancel: boolean; reallocate: boolean };

/** The order commands available now for this role and state (decided by the page from the state machine). */
export function OrderActions({ orderId, number, allowed }: { orderId: string; number: string; allowed: AllowedOrderActions }) {
  const t = useTranslations("orders.actions");
  const tc = useTranslations("common");
  const toast = useToast();
  const router = useRouter();
  const [releasing, startRelease] = useTransition();

  return (
    <>
      {allowed.release && (
        <Button
          variant="secondary"
          disabled={releasing}
          onClick={() =>
            startRelease(async () => {
              const res = await releaseOrderAction({ orderId });
              if (res.ok) {
                toast(t("released", { number }));
                router.refresh();
              } else toast(t("refused", { message: res.message }), "error");
            })
          }
        >
          {t("release")}
        </Button>
      )}
      {allowed.reallocate && (
        <ConfirmDialog
          id="reallocate"
          trigger={<Button variant="secondary">{t("reallocate")}</Button>}
          title={t("reallocateTitle", { number })}
          description={t("reallocateDescription")}
          submit={t("reallocateSubmit")}
          keep={tc("cancel")}
          done={t("reallocated", { number })}
          run={() => reallocateOrderAction({ orderId })}
        />
      )}
      {allowed.hold && (
        <ConfirmDialog
          id="hold"
          trigger={<Button variant="secondary">{t("hold")}</Button>}
          title={t("holdTitle", { number })}
          description={t("holdDescription")}
          submit={t("holdSubmit")}
          keep={tc("cancel")}
          reason={{ label: t("holdReason"), required: true }}
          done={t("held", { number })}
          run={(reason) => holdOrderAction({ orderId, reason })}
        />
      )}
      {allowed.cancel && (
        <ConfirmDialog
          id="cancel"
          trigger={<Button variant="danger">{t("cancel")}</Button>}
          title={t("cancelTitle", { number })}
          description={t("cancelDescription")}
          submit={t("cancelSubmit")}
          keep={t("keep")}
          danger
          reason={{ label: t("cancelReason"), required: false }}
          done={t("cancelled", { number })}
          run={(reason) => cancelOrderAction({ orderId, reason: reason || undefined })}
        />
      )}
    </>
  );
}

/** Cancels what is still open on one line, after a confirmation. */
export function CancelLineButton({ orderId, lineId, lineNo, sku, open }: { orderId: string; lineId: string; lineNo: number; sku: string; open: number }) {
  const t = useTranslations("orders.actions");
  return (
    <ConfirmDialog
      id={`cancel-line-${lineNo}`}
      trigger={
        <Button size="sm" variant="ghost" className="text-red-700" aria-label={`${t("cancelLine")} ${lineNo} (${sku})`}>
          {t("cancelLine")}
        </Button>
      }
      title={t("cancelLineTitle", { lineNo, sku })}
      description={t("cancelLineDescription", { count: open })}
      submit={t("cancelLineSubmit")}
      keep={t("keepLine")}
      danger
      reason={{ label: t("cancelReason"), required: false }}
      done={t("lineCancelled", { lineNo })}
      run={(reason) => cancelOrderLineAction({ orderId, lineId, reason: reason || undefined })}
    />
  );
}
