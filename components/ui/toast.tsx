"use client";
import { Toast } from "radix-ui";
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { cn } from "./cn";

type Item = { id: number; message: string; tone: "success" | "error" };
const Ctx = createContext<(message: string, tone?: Item["tone"]) => void>(() => {});

/** Toasts announced to screen readers (Radix Toast); success fades, errors stay longer. */
export function ToastProvider({ children, closeLabel }: { children: ReactNode; closeLabel: string }) {
  const [items, setItems] = useState<Item[]>([]);
  const push = useCallback((message: string, tone: Item["tone"] = "success") => {
    setItems((xs) => [...xs, { id: Date.now() + Math.random(), message, tone }]);
  }, []);
  return (
    <Ctx.Provider value={push}>
      <Toast.Provider swipeDirection="right">
        {children}
        {items.map((t) => (
          <Toast.Root
            key={t.id}
            duration={t.tone === "error" ? 8000 : 4000}
            onOpenChange={(open) => !open && setItems((xs) => xs.filter((x) => x.id !== t.id))}
            className={cn(
              "flex items-start gap-3 rounded-md px-4 py-3 text-sm shadow-lg ring-1",
              t.tone === "success" ? "bg-white text-slate-900 ring-emerald-200" : "bg-red-50 text-red-800 ring-red-200",
            )}
            data-testid="toast"
          >
            <Toast.Description className="flex-1">{t.message}</Toast.Description>
            <Toast.Close className="text-slate-500 hover:text-slate-800" aria-label={closeLabel}>
              ×
            </Toast.Close>
          </Toast.Root>
        ))}
        <Toast.Viewport className="fixed right-0 bottom-0 z-50 flex w-full max-w-sm flex-col gap-2 p-4 outline-none" />
      </Toast.Provider>
    </Ctx.Provider>
  );
}

export function useToast() {
  return useContext(Ctx);
}
