import { LoadingRows } from "@/components/ui/states";

// Shown at once while a server-rendered page of the portal loads (pages with their own
// loading state, such as the catalog, show theirs instead).
export default function Loading() {
  return <LoadingRows label="Loading the page" rows={6} />;
}
