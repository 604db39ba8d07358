import { Suspense } from "react";
import { ApiKeysPanel } from "@/components/settings/api-keys-panel";
import { CredentialsPanel } from "@/components/settings/credentials-panel";
import { GooglePanel } from "@/components/settings/google-panel";

export default function SettingsPage() {
  return (
    <>
      <h1>Settings</h1>
      {/* The Google panel reads the OAuth callback's outcome from the query string. */}
      <Suspense>
        <GooglePanel />
      </Suspense>
      <CredentialsPanel />
      <ApiKeysPanel />
    </>
  );
}
