// Shown for /actors/<unknown>: a 404 that says what actor addresses look like and how to find one.
import { ActorSearch } from "@/components/actor/ActorSearch";

export default function ActorNotFound() {
  return (
    <article className="actor-page actor-not-found">
      <title>Actor not found · Stancemap</title>
      <meta name="robots" content="noindex" />
      <nav className="actor-crumbs" aria-label="Breadcrumb">
        <a href="/">← Dashboard</a>
      </nav>
      <h1>No such actor</h1>
      <p className="lede">
        Stancemap has no actor at this address. Actor pages are at <code>/actors/</code> followed by the actor’s name in lowercase words
        joined by hyphens (<a href="/actors/fawzia-koofi">/actors/fawzia-koofi</a>), or a state’s ISO 3166 alpha-3 code (
        <a href="/actors/RUS">/actors/RUS</a>).
      </p>
      <ActorSearch />
      <p>
        <a href="/">Back to the dashboard</a>, where the search box (press <kbd>/</kbd>) finds actors by name or local name.
      </p>
    </article>
  );
}
