import { getTranslations } from "next-intl/server";
import { AreaPlaceholder } from "../area-placeholder";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("orders") };
}

export default function OrdersPage() {
  return <AreaPlaceholder area="orders" permission="orders.view" />;
}
