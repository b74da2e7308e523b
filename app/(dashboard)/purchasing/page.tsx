import { getTranslations } from "next-intl/server";
import { AreaPlaceholder } from "../area-placeholder";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("purchasing") };
}

export default function PurchasingPage() {
  return <AreaPlaceholder area="purchasing" permission="purchasing.view" />;
}
