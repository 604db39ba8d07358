// Local mode's owner is whoever reaches the server, so only this machine may be it: a request whose socket
// comes from another machine is signed out, even on a server that listens on every interface.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stampPeerAddresses } from "@/server/http/peer-address";
import { testDatabases } from "@/testing/databases";
import type { Auth } from "./auth.ts";
import { LOCAL_USER_ID } from "./caller.ts";
import { resolveCaller } from "./resolve-caller.ts";

describe("local mode and the request's socket", () => {
  let database: Awaited<ReturnType<ReturnType<typeof testDatabases>[number]["create"]>>;
  let peerHeader: string;
  const noAuth = (): Auth => {
    throw new Error("local mode never asks Better Auth");
  };
  const callerFrom = (peer: string) => resolveCaller({ mode: "local", db: database, auth: noAuth, headers: new Headers({ [peerHeader]: peer }) });

  beforeAll(async () => {
    database = await testDatabases()[0]!.create();
    peerHeader = stampPeerAddresses();
  });
  afterAll(async () => database?.drop());

  it("acts as the local owner for a connection from this machine, in every loopback spelling", async () => {
    for (const peer of ["127.0.0.1", "::1", "::ffff:127.0.0.1", "127.8.9.10"]) {
      expect(await callerFrom(peer)).toMatchObject({ userId: LOCAL_USER_ID, via: "local" });
    }
  });

  it("signs out a connection from another machine, whatever Host or X-Forwarded-For it claims", async () => {
    for (const peer of ["192.168.1.20", "10.0.0.7", "::ffff:203.0.113.9", "fe80::1"]) {
      const headers = new Headers({ [peerHeader]: peer, host: "localhost:3000", "x-forwarded-for": "127.0.0.1" });
      expect(await resolveCaller({ mode: "local", db: database, auth: noAuth, headers })).toBeNull();
    }
  });
});
