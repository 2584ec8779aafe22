# Build on Node 24 LTS, run the compiled app on a slim image.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY migrations ./migrations
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production
# Outside a container the app listens on 127.0.0.1 only; inside one it must take connections
# from the container network (publish the admin port on the host's loopback, as compose does).
ENV BIND_ADDRESS=0.0.0.0
# The app keeps about 50 MB of heap; with no limit V8 lets garbage pile up to 350 MB+ of RSS
# under load. This limit holds the peak near 200 MB at no measurable CPU cost (bench/README.md).
ENV NODE_OPTIONS=--max-old-space-size=320
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/src/main.js"]
