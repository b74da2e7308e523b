import { getTranslations } from "next-intl/server";
import { AreaPlaceholder } from "../area-placeholder";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("channels") };
}

export default function ChannelsPage() {
  return <AreaPlaceholder area="channels" permission="channels.view" />;
}
