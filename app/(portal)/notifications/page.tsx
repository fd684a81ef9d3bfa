import { PageHeader } from "@/components/ui/card";
import { NotificationsInbox } from "@/components/notifications/notifications-inbox";

export default function NotificationsPage() {
  return (
    <>
      <PageHeader title="Notifications" description="Mentions, change requests and decisions on use cases you can see." />
      <NotificationsInbox />
    </>
  );
}
