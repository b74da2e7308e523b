import type { ComponentProps } from "react";
import { cn } from "./cn";
import { fieldClasses } from "./input";

/**
 * A styled native select: on phones it opens the platform picker, it works with keyboards and
 * screen readers without extra code, and it submits with forms.
 */
export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={fieldClasses(cn("h-10 pr-8", className))} {...props} />;
}
