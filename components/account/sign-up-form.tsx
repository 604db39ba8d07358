"use client";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { leave, postAuth } from "./auth-request";

/** `maxNameLength`: the server's cap on a user's name (characters). */
type SignUpFormProps = { invite: string | null; email: string; minPasswordLength: number; maxNameLength: number };

/** Creates the account (Better Auth's sign-up, with the invitation token if any), then signs in. */
export function SignUpForm({ invite, email: invitedEmail, minPasswordLength, maxNameLength }: SignUpFormProps) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [email, setEmail] = useState(invitedEmail);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    const created = await postAuth("sign-up/email", { name: name || email.split("@")[0], email, password, ...(invite && { invite }) });
    // Sign-up answers a taken email like a new one, so a failed sign-in here means the email was taken.
    const signedIn = created.ok ? await postAuth("sign-in/email", { email, password }) : created;
    if (signedIn.ok) return leave(router, "/");
    setError(created.ok ? "Could not sign in with this email and password. If you already have an account, sign in instead." : signedIn.message);
    setPending(false);
  };

  return (
    <form className="account-form" onSubmit={submit}>
      <label htmlFor="sign-up-name">Name</label>
      <input id="sign-up-name" autoComplete="name" value={name} onChange={(event) => setName(event.target.value)} maxLength={maxNameLength} />
      <label htmlFor="sign-up-email">Email</label>
      <input id="sign-up-email" type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
      <label htmlFor="sign-up-password">Password</label>
      <input
        id="sign-up-password"
        type="password"
        autoComplete="new-password"
        required
        minLength={minPasswordLength}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <p className="muted">At least {minPasswordLength} characters.</p>
      {error && <p role="alert" className="field-error">{error}</p>}
      <button type="submit" className="primary" disabled={isPending}>
        Create account
      </button>
      <p className="muted">
        Already have an account? <Link href="/sign-in">Sign in</Link>
      </p>
    </form>
  );
}
