"use client";
import { useState, type FormEvent } from "react";
import { postAuth } from "./auth-request";

/** Changes the password (Better Auth's /change-password) and signs out every other browser. */
export function PasswordForm({ minPasswordLength }: { minPasswordLength: number }) {
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const [isPending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    const result = await postAuth("change-password", { currentPassword, newPassword, revokeOtherSessions: true });
    setOutcome(result.ok ? { ok: true, message: "Password changed. Other browsers signed in as you were signed out." } : { ok: false, message: result.message });
    if (result.ok) {
      setCurrentPassword("");
      setNewPassword("");
    }
    setPending(false);
  };

  return (
    <section aria-labelledby="password-heading" className="settings-section">
      <h2 id="password-heading">Password</h2>
      <form className="account-form" onSubmit={submit}>
        <label htmlFor="current-password">Current password</label>
        <input id="current-password" type="password" autoComplete="current-password" required value={currentPassword} onChange={(event) => setCurrentPassword(event.target.value)} />
        <label htmlFor="new-password">New password</label>
        <input
          id="new-password"
          type="password"
          autoComplete="new-password"
          required
          minLength={minPasswordLength}
          value={newPassword}
          onChange={(event) => setNewPassword(event.target.value)}
        />
        {outcome && (
          <p role={outcome.ok ? "status" : "alert"} className={outcome.ok ? "notice" : "field-error"}>
            {outcome.message}
          </p>
        )}
        <button type="submit" className="primary" disabled={isPending}>
          Change password
        </button>
      </form>
    </section>
  );
}
