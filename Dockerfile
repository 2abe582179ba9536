# OpenHealthLive as a container: one node. compose.yaml runs two behind nginx, on PostgreSQL and Redis.
# Not built where this was written (no Docker engine there); see docs/deploy.md.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The build restores the browser libraries (SignalR client, fonts) from npm.
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/OpenHealthLive.Web -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# SQLite (when Storage__Provider is left at Sqlite) and the presenter-key hash live in /data.
RUN mkdir /data && chown "$APP_UID" /data
VOLUME /data
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Storage__DataDirectory=/data
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "OpenHealthLive.Web.dll"]
