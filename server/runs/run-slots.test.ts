import { describe, expect, it } from "vitest";
import { createRunSlots } from "./run-slots.ts";

describe("run slots", () => {
  it("refuses a reservation once `limit` run and `maxWaiting` wait, and loses none of those", async () => {
    const slots = createRunSlots(1, 2);
    const tickets = [slots.reserve(), slots.reserve(), slots.reserve()];
    expect(tickets.every((ticket) => ticket !== null)).toBe(true);
    expect(slots.reserve()).toBeNull();

    const order: number[] = [];
    const finished = tickets.map(async (ticket, index) => {
      const release = await ticket!.acquire();
      order.push(index);
      release();
    });
    await Promise.all(finished);
    expect(order).toEqual([0, 1, 2]);
    expect(slots.running).toBe(0);
    expect(slots.waiting).toBe(0);
    expect(slots.reserve()).not.toBeNull();
  });

  it("counts a reservation at once, so concurrent starts cannot overshoot before they wait", () => {
    const slots = createRunSlots(2, 0);
    expect(slots.reserve()).not.toBeNull();
    expect(slots.reserve()).not.toBeNull();
    expect(slots.reserve()).toBeNull();
  });

  it("frees a cancelled reservation and a queued run that is aborted", async () => {
    const slots = createRunSlots(1, 1);
    const first = slots.reserve()!;
    const release = await first.acquire();
    const unused = slots.reserve()!;
    expect(slots.reserve()).toBeNull();
    unused.cancel();
    unused.cancel();
    const queued = slots.reserve()!;
    const controller = new AbortController();
    const waiting = queued.acquire(controller.signal);
    expect(slots.waiting).toBe(1);
    controller.abort(new Error("cancelled"));
    await expect(waiting).rejects.toThrow("cancelled");
    expect(slots.waiting).toBe(0);
    release();
    expect(slots.running).toBe(0);
  });

  it("has no bound on waiting runs unless given one", () => {
    const slots = createRunSlots(1);
    for (let index = 0; index < 1000; index += 1) expect(slots.reserve()).not.toBeNull();
  });
});
