import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2"],
  poweredByHeader: false,
  // Lets the end-to-end suite build beside a developer's own build without clobbering it.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
};

export default nextConfig;
