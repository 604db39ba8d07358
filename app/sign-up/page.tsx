import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/account/sign-up-form";
import { LocalModeNotice } from "@/components/account/local-mode-notice";
import { getAuthMode, pageCaller } from "@/app/_auth/page-caller";
import { MIN_PASSWORD_LENGTH } from "@/server/auth/auth";
import { MAX_USER_NAME_LENGTH } from "@/server/auth/user-fields";

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  if (getAuthMode() === "local") return <LocalModeNotice />;
  if (await pageCaller()) redirect("/");
  const invite = first(params.invite);
  return (
    <>
      <h1>Create your account</h1>
      {invite ? <p className="muted">You were invited: sign up with the email the invitation was sent to.</p> : null}
      <SignUpForm invite={invite} email={first(params.email) ?? ""} minPasswordLength={MIN_PASSWORD_LENGTH} maxNameLength={MAX_USER_NAME_LENGTH} />
    </>
  );
}
