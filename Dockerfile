# One image for every role of docker-compose.yml and deploy/: `dotnet /app/silo/Mmx.Silo.dll` (a silo;
# with --apply-schema, the one-shot schema step) or `dotnet /app/api/Mmx.Api.dll` (the API front).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# ReadyToRun: the assemblies carry native code for the image's architecture, so a process started
# cold (a restart, a new silo) runs before the JIT has compiled it (docs/performance.md, "Cold start").
ARG TARGETARCH=amd64
WORKDIR /src
COPY . .
RUN dotnet publish Mmx.Silo -c Release -a "$TARGETARCH" --self-contained false -p:PublishReadyToRun=true -o /out/silo \
 && dotnet publish Mmx.Api -c Release -a "$TARGETARCH" --self-contained false -p:PublishReadyToRun=true -o /out/api

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# curl for the API's health check in docker-compose.yml.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /out/silo /app/silo
COPY --from=build /out/api /app/api
# The image store's and the transport certificates' folders (volumes in compose) belong to the
# user the processes run as (a new named volume takes the owner of the folder it mounts over).
RUN mkdir -p /app/images /certs && chown app:app /app/images /certs && chmod 700 /certs
# Not root: the base image's unprivileged "app" user (uid 1654).
USER app
