using System.IO.Compression;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OpenHealthLive.Web.Infrastructure;

internal static class InfrastructureSetup
{
    /// <summary>Per-IP backstop for every write (POST) request; generous because a whole room can share one address.</summary>
    public const int WritesPerIpPerMinute = 600;

    /// <summary>
    /// How long an idle HTTP/1.1 connection is kept (Kestrel's default is 130 s). A phone loads its page and negotiates
    /// the hub over plain HTTP, then lives on its WebSocket: the HTTP connection it leaves behind is idle from then on.
    /// With the default, a room that scans the QR code at once holds two connections per phone for two minutes
    /// (measured: about half the server's connection objects; docs/benchmarks.md, "Slide fan-out"). 15 s still covers
    /// a phone fetching a slide's images right after a change.
    /// </summary>
    public static readonly TimeSpan IdleHttpKeepAlive = TimeSpan.FromSeconds(15);

    public static WebApplicationBuilder AddInfrastructure(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddOptions<PublicAddressOptions>()
            .BindConfiguration(PublicAddressOptions.SectionName, PublicAddressOptions.Renamed)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<PublicAddress>();
        builder.Services.TryAddSingleton(new OperatorConsole(Console.Out));
        builder.Services.AddAudiencePageCompression();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.KeepAliveTimeout = IdleHttpKeepAlive);
        builder.AddOriginCheck();
        builder.Services.AddOptions<ProxyOptions>()
            .BindConfiguration(ProxyOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            // With both lists empty the middleware would take X-Forwarded-* from ANY client, and its defaults trust
            // all of 127.0.0.0/8: only what is configured is trusted, and with nothing configured nothing is.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            forwarded.ForwardedHeaders = proxy.Value.TrustsAnyProxy
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost
                : ForwardedHeaders.None;
            foreach (var address in proxy.Value.Proxies())
            {
                forwarded.KnownProxies.Add(address);
            }

            foreach (var network in proxy.Value.Networks())
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // The hub is left to its own limits: its POSTs are SignalR's negotiate (one per phone that connects, so a
            // full room behind one venue NAT joining or coming back after a restart would hit any per-IP cap within
            // seconds) and, on Server-Sent Events and long polling, every message a phone sends. What a phone may
            // write through the hub is limited per device by HubRateLimitFilter, with its own per-IP backstop.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("reads")
                    : http.Request.Path.StartsWithSegments(HubPaths.Live, StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetNoLimiter("hub")
                    : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = WritesPerIpPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                    }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many requests from this network; wait a minute and try again.", cancellationToken);
            };
        });
        return builder;
    }

    public static WebApplication UseInfrastructure(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ProxyOptions>>().Value.TrustsAnyProxy)
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseSecurityHeaders();
        app.UseOriginCheck();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(AudiencePagePath, StringComparison.OrdinalIgnoreCase), audience => audience.UseResponseCompression());
        return app;
    }

    private const string AudiencePagePath = "/j";

    /// <summary>
    /// The audience page's HTML (about 18 KB with the first slide and the page's words, 5–6 KB compressed) is the one
    /// response every phone in the room fetches that is not a precompressed static asset. It is compressed per request
    /// at the default level, not the fastest: the fastest sent 7.9 KB with gzip and 6.9 KB with Brotli, 2 KB more per
    /// phone on the venue's wifi. The price is CPU: zlib takes about 0.9 ms for this page at the default level against
    /// 0.4 ms at the fastest (this machine, loaded), so a storm of 5,000 phones costs the server about 2 s more of one
    /// core, spread over the storm; the venue's wifi is the scarcer of the two.
    /// Only this page: static assets come precompressed from the build, and the hub's JSON is small and per message.
    /// HTTPS is allowed (behind a TLS proxy the request counts as HTTPS): the page's body carries no secret for a
    /// BREACH-style attack to guess, since the device cookie travels in a header and the page has no antiforgery token.
    /// </summary>
    private static IServiceCollection AddAudiencePageCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.MimeTypes = ["text/html"];
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(brotli => brotli.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(gzip => gzip.Level = CompressionLevel.Optimal);
        return services;
    }
}
