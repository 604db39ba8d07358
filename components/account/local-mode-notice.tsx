import Link from "next/link";

/** Local mode has no accounts: the owner is whoever uses this machine. */
export function LocalModeNotice() {
  return (
    <>
      <h1>No sign-in needed</h1>
      <p className="muted">
        This server runs in local mode (loopback only, one owner). To use accounts, start it with <code>OSMEN_AUTH=accounts</code>.
      </p>
      <Link href="/">Go to your flows</Link>
    </>
  );
}
