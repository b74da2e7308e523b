import type { ComponentProps } from "react";
import { cn } from "./cn";

/** A table that scrolls sideways on narrow screens instead of breaking the layout (relative: screen-reader-only text inside stays clipped too). */
export function Table({ className, ...props }: ComponentProps<"table">) {
  return (
    <div className="relative overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className={cn("min-w-full divide-y divide-slate-200 text-sm", className)} {...props} />
    </div>
  );
}
export function THead(props: ComponentProps<"thead">) {
  return <thead className="bg-slate-50" {...props} />;
}
export function TBody(props: ComponentProps<"tbody">) {
  return <tbody className="divide-y divide-slate-100" {...props} />;
}
export function Tr({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("hover:bg-slate-50/60", className)} {...props} />;
}
export function Th({ className, numeric, ...props }: ComponentProps<"th"> & { numeric?: boolean }) {
  return <th scope="col" className={cn("px-3 py-2.5 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase", numeric && "text-right", className)} {...props} />;
}
export function Td({ className, numeric, ...props }: ComponentProps<"td"> & { numeric?: boolean }) {
  return <td className={cn("px-3 py-2.5 align-top text-slate-800", numeric && "text-right tabular-nums", className)} {...props} />;
}
