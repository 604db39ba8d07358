// What a deployment file or guide names that the app must have: environment variables, HTTP paths under
// /api, npm scripts. Plain text scanning, shared by the deployment and guide tests so each file is read the
// same way. Pure: no file system.

/** `npm run <script>` and `npm start` / `npm test` in a text, as script names (`start`, `test`, ...). */
export function npmScriptsNamed(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/\bnpm run ([a-z][\w:-]*)/g)) names.add(match[1]!);
  for (const match of text.matchAll(/\bnpm (start|test)\b/g)) names.add(match[1]!);
  return [...names].sort();
}

/**
 * Paths under /api named in a text (`/api/health/live`, also inside a URL), without query or trailing slash;
 * a placeholder segment such as `<flow id>` is kept whole. A source folder (`app/api/...`, `server/api/...`) is not
 * a path.
 */
export function apiPathsNamed(text: string): string[] {
  const paths = new Set<string>();
  for (const match of text.matchAll(/(?<!\b(?:app|server))\/api(?![\w-])(?:\/(?:[\w.-]+|<[^>\n]+>))*/g)) paths.add(match[0].replace(/[/.]+$/, ""));
  return [...paths].sort();
}

/**
 * True when `apiPath` is served by one of `routeFiles`: `app<apiPath>/route.ts` (or `page.tsx` for a page), where
 * a folder may also be a dynamic segment (`[id]`, `[...all]`) that takes any segment, a `<placeholder>` included.
 * `routeFiles` are repository paths such as `app/api/v1/runs/[id]/route.ts`.
 */
export function isServedPath(apiPath: string, routeFiles: readonly string[]): boolean {
  const wanted = `app${apiPath}`.split("/").filter(Boolean);
  return routeFiles.some((file) => {
    const folders = file.split("/").slice(0, -1);
    const catchAll = folders.findIndex((folder) => /^\[\.\.\..+\]$/.test(folder));
    if (catchAll >= 0) return catchAll < wanted.length && folders.slice(0, catchAll).every((folder, index) => matches(folder, wanted[index]!));
    return folders.length === wanted.length && folders.every((folder, index) => matches(folder, wanted[index]!));
  });
}

const matches = (folder: string, segment: string) => folder === segment || /^\[[^.].*\]$/.test(folder);

/** `NAME=` assignments at the start of a line (env files) or after ENV/export, as names. */
export function assignedVariables(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/^\s*(?:export\s+|ENV\s+)?([A-Z][A-Z0-9_]*)=/gm)) names.add(match[1]!);
  // A Dockerfile's `ENV A=1 \` continuation lines: `  B=2 \`.
  for (const match of text.matchAll(/^\s+([A-Z][A-Z0-9_]*)=\S*\s*\\?$/gm)) names.add(match[1]!);
  return [...names].sort();
}

/**
 * The keys of one Terraform map literal `name = { KEY = ... }` (or `merge({ ... }`), in order. Braces are
 * counted, so a value with an interpolation (`"${aws_db_instance.main.endpoint}"`) does not end the map.
 */
export function terraformMapKeys(text: string, name: string): string[] {
  const start = text.search(new RegExp(`\\b${name}\\s*=\\s*(merge\\()?\\{`));
  if (start < 0) return [];
  const open = text.indexOf("{", start);
  let depth = 0;
  let end = open;
  for (; end < text.length; end++) {
    if (text[end] === "{") depth++;
    if (text[end] === "}" && --depth === 0) break;
  }
  const body = text.slice(open + 1, end);
  return [...body.matchAll(/^\s*([A-Z][A-Z0-9_]*)\s*=/gm)].map((match) => match[1]!);
}

/**
 * The queue-mode worker's own HTTP paths named in a text (`/health/live`, `/health/ready`, `/metrics`, also inside
 * a URL), served on OSMEN_WORKER_PORT. The app's `/api/health/...` and `/api/metrics` are not these, nor is a source
 * folder such as `server/health/`.
 */
export function workerPathsNamed(text: string): string[] {
  const paths = new Set<string>();
  for (const match of text.matchAll(/(?<!\/api|\b(?:app|server|lib|components))\/(?:health(?:\/[\w-]+)?|metrics)(?![\w./-])/g)) paths.add(match[0]);
  return [...paths].sort();
}

/**
 * One stage of a multi-stage Dockerfile: the lines from its `FROM ... AS <name>` up to the next `FROM` (comments
 * just above the next stage included). @throws when no stage has that name.
 */
export function dockerfileStage(dockerfile: string, name: string): string {
  const stages = dockerfile.split(/^(?=FROM )/m);
  const stage = stages.find((text) => new RegExp(`^FROM \\S+ AS ${name}\\s*$`, "m").test(text.split("\n")[0]!));
  if (!stage) throw new Error(`The Dockerfile has no stage named ${name}`);
  return stage;
}

/** The name of a multi-stage Dockerfile's last stage: what `docker build` without `--target` builds. */
export function defaultDockerfileStage(dockerfile: string): string {
  const names = [...dockerfile.matchAll(/^FROM \S+ AS (\S+)\s*$/gm)].map((match) => match[1]!);
  return names.at(-1) ?? "";
}
