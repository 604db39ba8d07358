// The tRPC data transformer for both ends: superjson (Dates, Maps, undefined survive the wire) around a
// key escape, because superjson refuses any object with a key named `__proto__`, `constructor` or
// `prototype`, which would make one such key in a stored graph fail every response that carries it.
import superjson from "superjson";
import { escapeReservedKeys, restoreReservedKeys } from "./plain-data.ts";

type SuperJsonResult = ReturnType<typeof superjson.serialize>;

/** A tRPC `DataTransformer`: `serialize` on the sending side, `deserialize` on the receiving one. */
export const wireTransformer = {
  serialize: (value: unknown): SuperJsonResult => superjson.serialize(escapeReservedKeys(value)),
  deserialize: (payload: unknown): unknown => restoreReservedKeys(superjson.deserialize(payload as SuperJsonResult)),
};
