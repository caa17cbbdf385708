# coverage-bot: the Discord bot and the snippet viewer in one image. See README, "Run it on a server".
#   docker build -t coverage-bot .
#   docker run -d --env-file .env -p 127.0.0.1:8080:8080 -v coverage-bot-data:/app/data coverage-bot
FROM node:20-bookworm-slim

ENV NODE_ENV=production \
    DATA_DIR=/app/data \
    WEB_HOST=0.0.0.0 \
    PORT=8080

WORKDIR /app

# Dependencies first, so a code change reuses this layer. tsx runs the TypeScript sources (no build
# step) and is a production dependency; esbuild's install script (allowed in package.json) only
# checks its platform binary, which comes as an optional package from the registry.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY tsconfig.json ./
COPY src ./src
COPY commands ./commands
COPY seeds ./seeds

# The fact tables (a cache) and stories live in the volume, owned by the unprivileged `node` user
# (uid 1000) the bot runs as. A corpus of your own: mount it read-only and set CORPUS_DIR to it.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node

EXPOSE 8080
# 503 once the bot has been disconnected from Discord for over a minute; 200 without a token.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# node itself, not `npm start`: SIGTERM (docker stop) and SIGHUP (docker kill -s HUP) reach the bot.
CMD ["node", "--import", "tsx", "src/main.ts"]
