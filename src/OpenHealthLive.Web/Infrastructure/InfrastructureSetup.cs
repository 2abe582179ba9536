using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using OpenHealthLive.Web.Live;

namespace OpenHealthLive.Web.Infrastructure;

internal static class InfrastructureSetup
{
    /// <summary>Per-IP backstop for every write (POST) request; generous because a whole room can share one address.</summary>
    public const int WritesPerIpPerMinute = 600;

    public static WebApplicationBuilder AddInfrastructure(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.SectionName);
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(address));
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
                    : http.Request.Path.StartsWithSegments(LiveSetup.HubPath, StringComparison.OrdinalIgnoreCase)
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
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseSecurityHeaders();
        return app;
    }
}
