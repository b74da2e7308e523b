import { getTranslations } from "next-intl/server";
import { AreaPlaceholder } from "../area-placeholder";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("warehouse") };
}

export default function WarehousePage() {
  return <AreaPlaceholder area="warehouse" permission="warehouse.view" />;
}
