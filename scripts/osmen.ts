// `npm run osmen -- <command> [...args]`: the project's command line. Commands live in scripts/commands/.
import { commands } from "./commands/index.ts";
import nextEnv from "@next/env";

// The same .env files, in the same order and without overriding the environment, as `next dev` and `next start`
// read (https://nextjs.org/docs/app/guides/environment-variables): the CLI must reach the server's database.
nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => undefined, error: console.error });

async function main([name, ...rest]: string[]): Promise<number> {
  if (!name || name === "help" || name === "--help") {
    console.log("Usage: npm run osmen -- <command> [options]\n\nCommands:");
    for (const [commandName, load] of Object.entries(commands)) {
      console.log(`  ${commandName.padEnd(16)} ${(await load()).description}`);
    }
    return 0;
  }
  const load = commands[name];
  if (!load) {
    console.error(`Unknown command "${name}". Run \`npm run osmen -- help\` for the list.`);
    return 2;
  }
  return (await (await load()).run(rest)) ?? 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
