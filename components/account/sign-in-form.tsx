"use client";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { leave, postAuth } from "./auth-request";

/** Email + password sign-in; on success, a full load of `next` so the server renders the signed-in pages. */
export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await postAuth("sign-in/email", { email, password });
    if (result.ok) return leave(router, next);
    setError(result.message);
    setPending(false);
  };

  return (
    <form className="account-form" onSubmit={submit}>
      <label htmlFor="sign-in-email">Email</label>
      <input id="sign-in-email" type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
      <label htmlFor="sign-in-password">Password</label>
      <input id="sign-in-password" type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
      {error && <p role="alert" className="field-error">{error}</p>}
      <button type="submit" className="primary" disabled={isPending}>
        Sign in
      </button>
      <p className="muted">
        No account yet? <Link href="/sign-up">Sign up</Link>
      </p>
    </form>
  );
}
