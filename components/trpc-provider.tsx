"use client";
// The browser's tRPC client: queries and mutations over HTTP batching, subscriptions over server-sent events.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import { wireTransformer } from "@/lib/wire-transformer";
import type { AppRouter } from "@/server/api/root";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 5_000, retry: 1, refetchOnWindowFocus: false },
    },
  });
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (operation) => operation.type === "subscription",
          true: httpSubscriptionLink({ url: "/api/trpc", transformer: wireTransformer }),
          false: splitLink({
            // A query that waits on another server (a provider's status or model list) goes alone: batched, a
            // slow or unreachable model server would hold back every query of the page with it.
            condition: (operation) => operation.context.skipBatch === true,
            true: httpLink({ url: "/api/trpc", transformer: wireTransformer, methodOverride: "POST" }),
            // POST for queries too: a posted graph (flow.compile) can be megabytes, far past what a URL may carry.
            false: httpBatchLink({ url: "/api/trpc", transformer: wireTransformer, methodOverride: "POST" }),
          }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
