import { redirect } from "next/navigation";
import { LocalModeNotice } from "@/components/account/local-mode-notice";
import { SignInForm } from "@/components/account/sign-in-form";
import { getAuthMode, pageCaller, safeNextPath } from "@/app/_auth/page-caller";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNextPath((await searchParams).next);
  if (getAuthMode() === "local") return <LocalModeNotice />;
  if (await pageCaller()) redirect(next);
  return (
    <>
      <h1>Sign in</h1>
      <SignInForm next={next} />
    </>
  );
}
