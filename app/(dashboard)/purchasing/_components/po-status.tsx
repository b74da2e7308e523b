import { Badge } from "@/components/ui/badge";

const tone = { DRAFT: "neutral", SENT: "info", PARTIALLY_RECEIVED: "warning", RECEIVED: "success", CLOSED: "neutral", CANCELLED: "danger" } as const;

export function PoStatus({ status, label }: { status: string; label: string }) {
  return <Badge tone={tone[status as keyof typeof tone] ?? "neutral"}>{label}</Badge>;
}
