import { LoadingRows } from "@/components/ui/states";

export default function Loading() {
  return <LoadingRows label="Loading the catalog" rows={8} />;
}
