import { AppError } from "../errors";

/**
 * Carrier adapters. Each turns a packed package into a shipment with a tracking number; an
 * adapter for a carrier's API would book the label there. The built-in "manual" carrier books
 * nothing: staff type the tracking number from the carrier's own label or receipt.
 */
export type CarrierShipmentRequest = { service: string; trackingNumber?: string; weightGrams: number | null };
export type CarrierShipment = { trackingNumber: string };

export interface CarrierAdapter {
  code: string;
  name: string;
  services: readonly string[];
  /** Whether staff must type the tracking number. */
  manualTracking: boolean;
  createShipment(req: CarrierShipmentRequest): Promise<CarrierShipment>;
}

const TRACKING = /^[A-Za-z0-9-]{4,40}$/;

export const manualCarrier: CarrierAdapter = {
  code: "manual",
  name: "Manual",
  services: ["Ground", "Express", "Overnight", "Freight", "Local delivery"],
  manualTracking: true,
  async createShipment(req) {
    const t = (req.trackingNumber ?? "").trim().toUpperCase();
    if (!t) throw new AppError("VALIDATION", "Type the tracking number from the carrier's label.", { issues: [{ path: "trackingNumber", message: "Required" }] });
    if (!TRACKING.test(t)) throw new AppError("VALIDATION", "A tracking number is 4–40 letters, digits or dashes.", { issues: [{ path: "trackingNumber", message: "4–40 letters, digits or dashes" }] });
    if (!this.services.includes(req.service)) throw new AppError("VALIDATION", `Unknown service ${req.service}.`, { issues: [{ path: "service", message: "Choose a service" }] });
    return { trackingNumber: t };
  },
};

export const CARRIERS: readonly CarrierAdapter[] = [manualCarrier];

export function carrierByCode(code: string): CarrierAdapter | undefined {
  return CARRIERS.find((c) => c.code === code);
}
