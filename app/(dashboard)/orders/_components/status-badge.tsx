import { Badge } from "@/components/ui/badge";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

type Tone = "neutral" | "success" | "warning" | "danger" | "info";

/** One tone per status: green when stock is secured or goods are out, amber when something waits, red when stopped. */
export function statusTone(status: OrderStatus): Tone {
  switch (status) {
    case "PENDING":
    case "CONFIRMED":
      return "info";
    case "ALLOCATED":
    case "SHIPPED":
    case "DELIVERED":
      return "success";
    case "PARTIALLY_ALLOCATED":
    case "BACKORDERED":
      return "warning";
    case "ON_HOLD":
      return "danger";
    case "PICKING":
    case "PACKED":
    case "PARTIALLY_SHIPPED":
      return "info";
    case "CANCELLED":
      return "neutral";
  }
}

export function StatusBadge({ status, label, testId }: { status: OrderStatus; label: string; testId?: string }) {
  return (
    <Badge tone={statusTone(status)} className="whitespace-nowrap">
      <span data-testid={testId} data-status={status}>{label}</span>
    </Badge>
  );
}
