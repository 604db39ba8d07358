/** One answer for unknown and revoked links alike, so a link's past existence is not revealed. No link into
 * the app: a visitor sees only what was shared. */
export function SharedNotFound() {
  return (
    <section className="not-found" data-testid="share-not-found">
      <h1>Shared flow not found</h1>
      <p className="muted">This link does not exist or has been revoked. Ask its owner for a new one.</p>
    </section>
  );
}
