import { InvitationsPanel } from "@/components/account/invitations-panel";
import { UsersPanel } from "@/components/account/users-panel";
import { requireAdmin } from "@/app/_auth/page-caller";

export default async function AdminPage() {
  const caller = await requireAdmin("/admin");
  return (
    <>
      <h1>Admin</h1>
      <UsersPanel selfId={caller.userId} />
      <InvitationsPanel />
    </>
  );
}
