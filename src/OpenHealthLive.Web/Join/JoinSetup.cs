using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Infrastructure;

namespace OpenHealthLive.Web.Join;

internal static class JoinSetup
{
    public static IServiceCollection AddJoin(this IServiceCollection services)
    {
        services.AddOptions<JoinOptions>().BindConfiguration(JoinOptions.SectionName, JoinOptions.Renamed).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<JoinLinks>();
        services.AddOptions<JoinCodeOptions>().BindConfiguration(JoinCodeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<JoinCodeThrottle>();
        services.AddSingleton<QrCodes>();
        return services;
    }

    public static WebApplication MapJoin(this WebApplication app)
    {
        var join = app.MapGroup("/j/{code}");
        join.MapGet("/qr.svg", async (string code, HttpContext http, LiveSessionService sessions, JoinLinks links, QrCodes qr) =>
            await FindJoinUrlAsync(code, http, sessions, links) is { } url
                ? Results.Text(qr.Svg(JoinLinks.QrText(url)), "image/svg+xml")
                : Results.NotFound());
        join.MapGet("/qr.png", async (string code, HttpContext http, LiveSessionService sessions, JoinLinks links, QrCodes qr) =>
            await FindJoinUrlAsync(code, http, sessions, links) is { } url
                ? Results.File(qr.Png(JoinLinks.QrText(url)), "image/png")
                : Results.NotFound());
        return app;
    }

    private static async Task<Uri?> FindJoinUrlAsync(string code, HttpContext http, LiveSessionService sessions, JoinLinks links)
    {
        var session = await sessions.FindAsync(code, http.RequestAborted);
        if (session is null)
        {
            return null;
        }

        http.Response.Headers.CacheControl = "no-cache";
        return links.JoinUrl(session.Code, http.Request);
    }
}
