import { SharedNotFound } from "@/components/share/shared-not-found";

export default function SharedFlowNotFound() {
  return <SharedNotFound />;
}
