import { getTranslations } from "next-intl/server";
import { AreaPlaceholder } from "../area-placeholder";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("inventory") };
}

export default function InventoryPage() {
  return <AreaPlaceholder area="inventory" permission="inventory.view" />;
}
