import { headers } from "next/headers";
import { Suspense } from "react";
import { ApiKeysPanel } from "@/components/settings/api-keys-panel";
import { CredentialsPanel } from "@/components/settings/credentials-panel";
import { GooglePanel } from "@/components/settings/google-panel";
import { McpPanel } from "@/components/settings/mcp-panel";
import { ProvidersPanel } from "@/components/settings/providers-panel";
import { PasswordForm } from "@/components/account/password-form";
import { getAuthMode, requireCaller } from "@/app/_auth/page-caller";
import { MIN_PASSWORD_LENGTH } from "@/server/auth/auth";
import { absoluteUrlFromHeaders } from "@/server/http/public-origin";

export default async function SettingsPage() {
  const caller = await requireCaller("/settings");
  const mcpUrl = absoluteUrlFromHeaders("/api/mcp", await headers());
  return (
    <>
      <h1>Settings</h1>
      {/* The Google panel reads the OAuth callback's outcome from the query string. */}
      <Suspense>
        <GooglePanel />
      </Suspense>
      <ProvidersPanel />
      <CredentialsPanel />
      <ApiKeysPanel />
      <McpPanel url={mcpUrl} />
      {getAuthMode() === "accounts" && caller.via === "session" && <PasswordForm minPasswordLength={MIN_PASSWORD_LENGTH} />}
    </>
  );
}
