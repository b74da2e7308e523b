import type { ComponentProps } from "react";
import { cn } from "./cn";

export const fieldClass =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 " +
  "placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-[invalid=true]:ring-red-500 disabled:bg-slate-50";

/** The field classes, without the full width when the caller sets a width of its own. */
export function fieldClasses(className?: string): string {
  const base = className && /(^|\s)w-/.test(className) ? fieldClass.replace("w-full ", "") : fieldClass;
  return cn(base, className);
}

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={fieldClasses(cn("h-10", className))} {...props} />;
}
